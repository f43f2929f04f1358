import { randomUUID } from 'node:crypto';
import {
  createTimeZoneCache,
  fetchNotificationRecipients,
  fetchOrganizationTimeZones,
  NOTIFICATION_RECIPIENTS_PATH,
  ORGANIZATION_TIME_ZONES_PATH,
  SERVICE_ACTOR,
} from '@caseflow/auth';
import { HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { codeOf, internalHeaders } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let bed: ClientsTestbed;
beforeAll(async () => {
  bed = await startClientsTestbed();
});
afterAll(() => bed?.stop());

const options = () => ({ clientsUrl: bed.t.baseUrl, internalSecret: bed.t.secret });

describe('the organization time zones route', () => {
  it("answers each agency's zone, UTC for one that set none, in one statement", async () => {
    const other = randomUUID();
    await bed.sql(
      `INSERT INTO clients.organization_setting (organization_id, time_zone, updated_by) VALUES ($1, 'Europe/Berlin', $2)
       ON CONFLICT (organization_id) DO UPDATE SET time_zone = excluded.time_zone`,
      [other, bed.staff('admin').id],
    );
    const counter = bed.t.subgraph.database.counter;
    const mark = counter.count;
    const zones = await fetchOrganizationTimeZones(options(), [other, NORTHSIDE_ID, 'not-a-uuid', other]);
    expect(counter.since(mark)).toHaveLength(1);
    expect(zones).toEqual(
      new Map([
        [other, 'Europe/Berlin'],
        [NORTHSIDE_ID, 'UTC'],
        ['not-a-uuid', 'UTC'],
      ]),
    );
    expect(await fetchOrganizationTimeZones(options(), [])).toEqual(new Map());

    // Longer lists go in batches of a thousand.
    const many = [...Array.from({ length: 1500 }, () => randomUUID()), other];
    const batched = counter.count;
    const all = await fetchOrganizationTimeZones(options(), many);
    expect(counter.since(batched)).toHaveLength(2);
    expect([all.size, all.get(other), [...all.values()].filter((zone) => zone === 'UTC').length]).toEqual([1501, 'Europe/Berlin', 1500]);
  });

  it('is kept a minute by the cache, with one question for concurrent first asks', async () => {
    const org = randomUUID();
    let now = Date.now();
    const zoneOf = createTimeZoneCache(options(), () => now);
    const counter = bed.t.subgraph.database.counter;
    const mark = counter.count;
    expect(await Promise.all([zoneOf(org), zoneOf(org)])).toEqual(['UTC', 'UTC']);
    expect(counter.since(mark)).toHaveLength(1);
    await bed.sql(`INSERT INTO clients.organization_setting (organization_id, time_zone, updated_by) VALUES ($1, 'Asia/Tokyo', $2)`, [
      org,
      bed.staff('admin').id,
    ]);
    now += 59_000;
    expect(await zoneOf(org)).toBe('UTC');
    now += 2_000;
    expect(await zoneOf(org)).toBe('Asia/Tokyo');
  });

  it('refuses a body that is not a list of ids, and any caller without the internal token', async () => {
    expect(await codeOf(fetchOrganizationTimeZones({ ...options(), internalSecret: 'not-the-secret' }, [HARBOUR_ID]))).toBe('UNAVAILABLE');
    const direct = await fetch(new URL(ORGANIZATION_TIME_ZONES_PATH, bed.t.baseUrl), {
      method: 'POST',
      body: JSON.stringify({ organizationIds: [HARBOUR_ID] }),
    });
    expect(direct.status).toBe(401);
  });
});

describe('the notification recipients route', () => {
  it("answers clients' agencies and case managers, agencies' active staff by role, and every person named", async () => {
    const casey = bed.staff('casey');
    const jordan = bed.staff('jordan');
    const sam = bed.staff('sam');
    const pat = bed.staff('pat');
    const client = bed.world.clients.find((c) => c.caseManagerId === casey.id)!;
    const unassigned = randomUUID();
    await bed.sql('UPDATE clients.staff_member SET active = false WHERE id = $1', [jordan.id]);
    try {
      const counter = bed.t.subgraph.database.counter;
      const mark = counter.count;
      const answer = await fetchNotificationRecipients(options(), {
        clientIds: [client.id, randomUUID(), 'not-a-uuid'],
        organizations: [
          { organizationId: HARBOUR_ID, roles: ['SUPERVISOR', 'CASE_MANAGER'] },
          { organizationId: NORTHSIDE_ID, roles: ['PARTNER'] },
          { organizationId: unassigned, roles: ['ADMIN'] },
        ],
        staffIds: [jordan.id, randomUUID()],
      });
      expect(counter.since(mark)).toHaveLength(2);
      expect(answer.clients).toEqual({ [client.id]: { organizationId: HARBOUR_ID, assignedCaseManagerId: casey.id, caseTeam: [] } });
      // A deactivated person is no agency's recipient, but is told as inactive when named.
      expect(answer.organizations).toEqual({
        [HARBOUR_ID]: { SUPERVISOR: [sam.id], CASE_MANAGER: [casey.id] },
        [NORTHSIDE_ID]: { PARTNER: [pat.id] },
        [unassigned]: { ADMIN: [] },
      });
      const entry = (s: { email: string; organizationId: string }, active = true) => ({
        email: s.email,
        organizationId: s.organizationId,
        active,
      });
      expect(answer.staff).toEqual({
        [casey.id]: entry(casey),
        [sam.id]: entry(sam),
        [pat.id]: entry(pat),
        [jordan.id]: entry(jordan, false),
      });
    } finally {
      await bed.sql('UPDATE clients.staff_member SET active = true WHERE id = $1', [jordan.id]);
    }
    expect(await fetchNotificationRecipients(options(), {})).toEqual({ clients: {}, organizations: {}, staff: {} });

    // An agency's id alone asks for every role.
    const everyRole = await fetchNotificationRecipients(options(), { organizations: [NORTHSIDE_ID] });
    expect(everyRole.organizations).toEqual({
      [NORTHSIDE_ID]: { CASE_MANAGER: [], SUPERVISOR: [], PARTNER: [pat.id], ANALYST: [], ADMIN: [] },
    });
    expect(Object.keys(everyRole.staff)).toEqual([pat.id]);
  });

  it("refuses bad input naming the field, any caller without the internal token, and a person's token", async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(new URL(NOTIFICATION_RECIPIENTS_PATH, bed.t.baseUrl), { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await post({ clientIds: [] })).status).toBe(401);
    expect(await codeOf(fetchNotificationRecipients({ ...options(), internalSecret: 'not-the-secret' }, { clientIds: [] }))).toBe(
      'UNAVAILABLE',
    );
    const admin = bed.staff('admin');
    const person = await internalHeaders({ staffId: admin.id, role: admin.role, organizationId: admin.organizationId }, bed.t.secret);
    expect((await post({ clientIds: [] }, person)).status).toBe(403);
    const headers = await internalHeaders(SERVICE_ACTOR, bed.t.secret);
    // A service may sign its question in the agency it is about: still no person.
    const inAgency = await internalHeaders({ ...SERVICE_ACTOR, organizationId: HARBOUR_ID }, bed.t.secret);
    expect((await post({ organizations: [HARBOUR_ID] }, inAgency)).status).toBe(200);
    for (const [body, field] of [
      [{ clientIds: 'x' }, 'clientIds'],
      [{ staffIds: [1] }, 'staffIds'],
      [{ organizations: [{ organizationId: HARBOUR_ID, roles: ['BOSS'] }] }, 'organizations'],
      [{ organizations: [{ roles: ['ADMIN'] }] }, 'organizations'],
    ] as const) {
      const response = await post(body, headers);
      const json = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect({ status: response.status, code: json.errors[0].extensions.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(json.errors[0].message.startsWith(`${field} `)).toBe(true);
    }
  });
});
