import { randomUUID } from 'node:crypto';
import { type Actor, createStaffCheck, STAFF_DIRECTORY_PATH } from '@caseflow/auth';
import { codeOf } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let bed: ClientsTestbed;
beforeAll(async () => {
  bed = await startClientsTestbed();
});
afterAll(() => bed?.stop());

const actor = (key: 'casey' | 'sam'): Actor => {
  const s = bed.staff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};

describe("the gateway's staff check against the clients subgraph's directory", () => {
  it('passes an active person with their role and organization; refuses an unknown id, another role or another organization', async () => {
    const check = createStaffCheck({ clientsUrl: bed.t.baseUrl, internalSecret: bed.t.secret });
    expect(await codeOf(check(actor('casey')))).toBe('OK');
    expect(await codeOf(check({ ...actor('casey'), staffId: randomUUID() }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(check({ ...actor('casey'), role: 'SUPERVISOR' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(check({ ...actor('casey'), organizationId: randomUUID() }))).toBe('UNAUTHENTICATED');
  });

  it('keeps an answer at most a minute: a deactivated person is refused once it has expired, with one lookup per person per minute', async () => {
    let now = Date.now();
    const check = createStaffCheck({ clientsUrl: bed.t.baseUrl, internalSecret: bed.t.secret, ttlMs: 10 * 60_000, now: () => now });
    const sam = actor('sam');
    const statements = bed.t.subgraph.database.counter;
    const before = statements.count;
    await Promise.all([check(sam), check(sam), check(sam)]);
    expect(statements.count - before).toBe(1);
    await bed.sql('UPDATE clients.staff_member SET active = false WHERE id = $1', [sam.staffId]);
    try {
      now += 59_000;
      expect(await codeOf(check(sam))).toBe('OK');
      // A longer TTL asked for is capped at the minute.
      now += 2_000;
      expect(await codeOf(check(sam))).toBe('UNAUTHENTICATED');
    } finally {
      await bed.sql('UPDATE clients.staff_member SET active = true WHERE id = $1', [sam.staffId]);
    }
  });

  it('fails closed: UNAVAILABLE when the directory cannot answer, and the route answers only the internal channel', async () => {
    const wrongSecret = createStaffCheck({ clientsUrl: bed.t.baseUrl, internalSecret: 'not-the-secret' });
    expect(await codeOf(wrongSecret(actor('casey')))).toBe('UNAVAILABLE');
    const nowhere = createStaffCheck({ clientsUrl: 'http://127.0.0.1:9', internalSecret: bed.t.secret });
    expect(await codeOf(nowhere(actor('casey')))).toBe('UNAVAILABLE');
    const direct = await fetch(new URL(STAFF_DIRECTORY_PATH, bed.t.baseUrl), {
      method: 'POST',
      body: JSON.stringify({ staffId: actor('casey').staffId }),
    });
    expect(direct.status).toBe(401);
  });
});
