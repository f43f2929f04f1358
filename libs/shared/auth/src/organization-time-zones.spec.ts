import { answerJson as json, FakePeerServer, failureOf } from '@caseflow/testing';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from './internal-token';
import { createTimeZoneCache, fetchOrganizationTimeZones, ORGANIZATION_TIME_ZONES_PATH } from './organization-time-zones';

const secret = 'test-internal-secret';
const [harbour, northside] = ['0b9c6c8e-2222-4aaa-8bbb-000000000001', '0b9c6c8e-2222-4aaa-8bbb-000000000002'];

describe("the agencies' time zones, asked of the clients subgraph", () => {
  const peer = new FakePeerServer();
  let clientsUrl: string;
  beforeAll(async () => {
    clientsUrl = await peer.start();
  });
  afterAll(() => peer.stop());
  beforeEach(() => {
    peer.received = [];
    peer.handler = (_, response) => json(response, 200, { timeZones: { [harbour]: 'America/Vancouver' } });
  });

  it('posts the organizations once each with a signed internal token, and reads the unset ones as UTC', async () => {
    const zones = await fetchOrganizationTimeZones({ clientsUrl, internalSecret: secret }, [harbour, northside, harbour]);
    expect(zones).toEqual(
      new Map([
        [harbour, 'America/Vancouver'],
        [northside, 'UTC'],
      ]),
    );
    expect(peer.received).toHaveLength(1);
    expect(peer.received[0]).toMatchObject({ method: 'POST', url: ORGANIZATION_TIME_ZONES_PATH });
    expect(JSON.parse(peer.received[0].body)).toEqual({ organizationIds: [harbour, northside] });
    await expect(verifyInternalToken(String(peer.received[0].headers[INTERNAL_TOKEN_HEADER]), secret)).resolves.toBeTruthy();
    expect(await fetchOrganizationTimeZones({ clientsUrl, internalSecret: secret }, [])).toEqual(new Map());
    expect(peer.received).toHaveLength(1);
  });

  it('fails closed as UNAVAILABLE when the clients subgraph cannot answer', async () => {
    peer.handler = (_, response) => json(response, 500, {});
    expect((await failureOf(fetchOrganizationTimeZones({ clientsUrl, internalSecret: secret }, [harbour]))).code).toBe('UNAVAILABLE');
  });

  it('keeps each answer a minute per organization, and asks again after it', async () => {
    let now = 1_000_000;
    const zoneOf = createTimeZoneCache({ clientsUrl, internalSecret: secret }, () => now);
    expect(await Promise.all([zoneOf(harbour), zoneOf(harbour)])).toEqual(['America/Vancouver', 'America/Vancouver']);
    expect(await zoneOf(harbour)).toBe('America/Vancouver');
    expect(peer.received).toHaveLength(1);
    peer.handler = (_, response) => json(response, 200, { timeZones: { [harbour]: 'America/Toronto' } });
    now += 59_000;
    expect(await zoneOf(harbour)).toBe('America/Vancouver');
    now += 2_000;
    expect(await zoneOf(harbour)).toBe('America/Toronto');
    expect(peer.received).toHaveLength(2);
  });
});
