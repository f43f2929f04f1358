/**
 * Directory search near a client, through the gateway: the resources
 * subgraph asks the clients subgraph for the point of the client's address
 * (the caller's access checked there), orders by distance from it, and never
 * returns it. Callers without the client's case record get the refusal and
 * no results.
 */
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const SEARCH = `query($input: ServiceSearchInput!) { searchServices(input: $input, first: 50) {
  totalCount edges { node { distanceKm service { id } } } } }`;
const SET_ADDRESS = `mutation($id: ID!, $address: ClientAddressInput) { setClientAddress(clientId: $id, address: $address) { id } }`;
const RECORD_CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;

type Search = { searchServices: { totalCount: number; edges: Array<{ node: { distanceKm: number; service: { id: string } } }> } | null };

/** The client's home: a few hundred metres off the demo city's centre (the demo services are around it). */
const HOME = { latitude: 44.6571, longitude: -63.5913 };

const caseysActive = (n: number) =>
  stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')[n].id;

const addressOf = (point: { latitude: number; longitude: number } | null) => ({
  line1: '2 Agricola Street',
  city: 'Halifax',
  country: 'CA',
  ...(point ?? {}),
});

const locationReads = (clientId: string) =>
  stack.sql<{ outcome: string; actor_id: string }>(
    `SELECT outcome, actor_id FROM clients.audit_event
      WHERE client_id = $1 AND entity_type = 'ClientAddress' AND detail = 'directory search near the client' ORDER BY id`,
    [clientId],
  );

describe('searchServices near a client', () => {
  it("orders the services by distance from the client's address, the same as searching near that point, and never returns it", async () => {
    const id = caseysActive(0);
    expect((await stack.as('casey', SET_ADDRESS, { id, address: addressOf(HOME) })).errors).toBeUndefined();

    const near = await stack.as<Search>('casey', SEARCH, { input: { nearClientId: id, radiusKm: 20 } });
    expect(near.errors).toBeUndefined();
    const hits = near.data!.searchServices!.edges.map((e) => e.node);
    expect(hits.length).toBeGreaterThan(2);
    const distances = hits.map((h) => h.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(JSON.stringify(near)).not.toMatch(/44\.657|63\.591/);

    const byPoint = await stack.as<Search>('casey', SEARCH, { input: { near: HOME, radiusKm: 20 } });
    expect(hits).toEqual(byPoint.data!.searchServices!.edges.map((e) => e.node));
    expect(await locationReads(id)).toEqual([{ outcome: 'ALLOWED', actor_id: stack.staff('casey').id }]);

    const sam = await stack.as<Search>('sam', SEARCH, { input: { nearClientId: id, radiusKm: 20 } });
    expect(sam.data!.searchServices!.edges.map((e) => e.node)).toEqual(hits);
  });

  it.each(['jordan', 'pat', 'robin', 'alex'] as StaffKey[])(
    "refuses %s, who may not see the client's address point: FORBIDDEN, no results, the denial audited",
    async (who) => {
      const id = caseysActive(1);
      await stack.as('casey', SET_ADDRESS, { id, address: addressOf(HOME) });
      // Pat's agency holds a consent covering the client's contact details: still no point for a partner.
      if (who === 'pat') {
        const consent = await stack.as('casey', RECORD_CONSENT, {
          input: {
            clientId: id,
            recipientOrganizationId: NORTHSIDE_ID,
            scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
            purpose: 'Food support referral',
            signedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        });
        expect(consent.errors).toBeUndefined();
      }
      const denials = (await locationReads(id)).filter((e) => e.outcome === 'DENIED').length;
      const res = await stack.as<Search>(who, SEARCH, { input: { nearClientId: id } });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data).toBeNull();
      expect(JSON.stringify(res)).not.toMatch(/44\.657|63\.591/);
      expect((await locationReads(id)).filter((e) => e.outcome === 'DENIED').length).toBe(denials + 1);
    },
  );

  it('refuses a client without a located address, naming nearClientId', async () => {
    const id = caseysActive(2);
    await stack.as('casey', SET_ADDRESS, { id, address: addressOf(null) });
    const res = await stack.as<Search>('casey', SEARCH, { input: { nearClientId: id } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe('input.nearClientId');
    expect(res.errors![0].message).toContain('no located address');
    expect(res.data).toBeNull();
  });

  it.each([
    [{ nearClientId: 'not-a-client' }, 'input.nearClientId'],
    [{ nearClientId: '00000000-0000-4000-8000-000000000001', near: HOME }, 'input.nearClientId'],
    [{ nearClientId: '00000000-0000-4000-8000-000000000001', radiusKm: 900 }, 'input.radiusKm'],
  ])('refuses %j naming %s', async (input, field) => {
    const res = await stack.as<Search>('casey', SEARCH, { input });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
  });

  it('answers NOT_FOUND for a client that does not exist', async () => {
    const res = await stack.as<Search>('casey', SEARCH, { input: { nearClientId: '00000000-0000-4000-8000-000000000001' } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});
