import { randomUUID } from 'node:crypto';
import {
  type Actor,
  createStaffCheck,
  INTERNAL_TOKEN_HEADER,
  STAFF_DIRECTORY_ALL_PATH,
  STAFF_DIRECTORY_PATH,
  type StaffCheckOptions,
} from '@caseflow/auth';
import { answerJson, codeOf, FakePeerServer, internalHeaders } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let bed: ClientsTestbed;
beforeAll(async () => {
  bed = await startClientsTestbed();
});
afterAll(() => bed?.stop());

const actor = (key: StaffKey): Actor => {
  const s = bed.staff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};

/** A staff check that records its whole-directory reads (the number of staff each listed) and their failures. */
function staffCheck(options: Partial<StaffCheckOptions> = {}) {
  const reads: number[] = [];
  const errors: unknown[] = [];
  const check = createStaffCheck({
    clientsUrl: bed.t.baseUrl,
    internalSecret: bed.t.secret,
    onRefresh: (staff) => reads.push(staff),
    onRefreshError: (error) => errors.push(error),
    ...options,
  });
  return { check, reads, errors };
}

/** Passes the staff routes through to the clients subgraph; it can refuse the whole-directory read, or go down. */
async function startRelay() {
  const relay = { refuseAll: false, peer: new FakePeerServer(), url: '' };
  relay.peer.handler = async (request, response, _attempt, received) => {
    if (relay.refuseAll && received.url === STAFF_DIRECTORY_ALL_PATH) return answerJson(response, 500, {});
    const answer = await fetch(new URL(received.url, bed.t.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: String(request.headers[INTERNAL_TOKEN_HEADER]) },
      body: received.body,
    });
    answerJson(response, answer.status, await answer.json());
  };
  relay.url = await relay.peer.start();
  return relay;
}

const setActive = (key: StaffKey, active: boolean) =>
  bed.sql('UPDATE clients.staff_member SET active = $2 WHERE id = $1', [actor(key).staffId, active]);

describe("the gateway's staff check against the clients subgraph's directory", () => {
  it('passes an active person with their role and organization; refuses an unknown id, another role or another organization', async () => {
    const { check, reads } = staffCheck();
    expect(await codeOf(check(actor('casey')))).toBe('OK');
    expect(await codeOf(check({ ...actor('casey'), staffId: randomUUID() }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(check({ ...actor('casey'), role: 'SUPERVISOR' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(check({ ...actor('casey'), organizationId: randomUUID() }))).toBe('UNAUTHENTICATED');
    expect(reads).toHaveLength(1);
  });

  it('keeps an answer at most a minute: a deactivated person is refused once it has expired, with one lookup per person and one directory read', async () => {
    let now = Date.now();
    const relay = await startRelay();
    const { check, reads, errors } = staffCheck({ clientsUrl: relay.url, ttlMs: 10 * 60_000, now: () => now });
    const sam = actor('sam');
    const statements = bed.t.subgraph.database.counter;
    const before = statements.count;
    try {
      await Promise.all([check(sam), check(sam), check(sam)]);
      // The first check waited for its read: nothing is left running.
      expect(reads).toHaveLength(1);
      expect(statements.count - before).toBe(2);
      // More concurrent checks, of sam and of people the read listed, cost nothing more.
      await Promise.all([check(sam), check(sam), check(actor('casey')), check(actor('jordan')), check(actor('alex'))]);
      expect(statements.count - before).toBe(2);
      expect(reads).toHaveLength(1);

      // From here the directory cannot be read whole: what expires is looked up alone.
      relay.refuseAll = true;
      await setActive('sam', false);
      const beforeExpiry = statements.count;
      now += 59_000;
      expect(await codeOf(check(sam))).toBe('OK');
      expect(errors).toHaveLength(0);
      expect(statements.count - beforeExpiry).toBe(0);
      // A longer TTL asked for is capped at the minute; the expired answer is looked up again, with a directory read (refused).
      now += 2_000;
      expect(await codeOf(check(sam))).toBe('UNAUTHENTICATED');
      expect(errors).toHaveLength(1);
      expect(statements.count - beforeExpiry).toBe(1);
    } finally {
      await setActive('sam', true);
      await relay.peer.stop();
    }
  });

  it('passes a person never checked before with no statement at all once the whole directory has been read', async () => {
    const { check, reads } = staffCheck();
    expect(await codeOf(check(actor('casey')))).toBe('OK');
    expect(reads).toEqual([await bed.count('staff_member')]);
    const statements = bed.t.subgraph.database.counter;
    const before = statements.count;
    expect(await codeOf(check(actor('robin')))).toBe('OK');
    expect(await codeOf(check({ ...actor('pat'), role: 'SUPERVISOR' }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(check({ ...actor('alex'), organizationId: actor('robin').organizationId }))).toBe('UNAUTHENTICATED');
    expect(statements.count - before).toBe(0);
    expect(reads).toHaveLength(1);
  });

  it('trusts what the read said until the TTL since it started: a person deactivated after it passes until then, and is refused right after', async () => {
    const start = Date.now();
    let now = start;
    const relay = await startRelay();
    const { check, reads, errors } = staffCheck({ clientsUrl: relay.url, now: () => now });
    try {
      const first = check(actor('casey'));
      // The read has started; it is answered later than it started.
      now += 20_000;
      expect(await codeOf(first)).toBe('OK');
      expect(reads).toHaveLength(1);

      relay.refuseAll = true;
      await setActive('jordan', false);
      const statements = bed.t.subgraph.database.counter;
      const before = statements.count;
      now = start + 60_000 - 1;
      expect(await codeOf(check(actor('jordan')))).toBe('OK');
      expect(statements.count - before).toBe(0);
      expect(errors).toHaveLength(0);
      now = start + 60_000;
      expect(await codeOf(check(actor('jordan')))).toBe('UNAUTHENTICATED');
      expect(statements.count - before).toBe(1);
      expect(errors).toHaveLength(1);
    } finally {
      await setActive('jordan', true);
      await relay.peer.stop();
    }
  });

  it('reads the directory again, once, with the first person it holds no answer for more than half a TTL after the last read, and answers from that read', async () => {
    const start = Date.now();
    let now = start;
    const { check, reads } = staffCheck({ now: () => now });
    expect(await codeOf(check(actor('casey')))).toBe('OK');
    expect(reads).toHaveLength(1);
    await setActive('pat', false);
    try {
      const statements = bed.t.subgraph.database.counter;
      const before = statements.count;
      // Answers it holds cost nothing, however old the read (within the TTL); an unknown person half a TTL after it is looked up alone.
      now = start + 30_000;
      expect(await codeOf(check(actor('casey')))).toBe('OK');
      expect(await codeOf(check(actor('pat')))).toBe('OK');
      expect(statements.count - before).toBe(0);
      expect(await codeOf(check({ ...actor('casey'), staffId: randomUUID() }))).toBe('UNAUTHENTICATED');
      expect(statements.count - before).toBe(1);
      expect(reads).toHaveLength(1);

      // Past half a TTL, the next unknown person brings one read of everyone, waited for by that check.
      now = start + 30_001;
      expect(await codeOf(check({ ...actor('casey'), staffId: randomUUID() }))).toBe('UNAUTHENTICATED');
      expect(reads).toHaveLength(2);
      expect(statements.count - before).toBe(3);
      expect(await codeOf(check(actor('pat')))).toBe('UNAUTHENTICATED');
      expect(await codeOf(check(actor('casey')))).toBe('OK');
      expect(await codeOf(check({ ...actor('casey'), staffId: randomUUID() }))).toBe('UNAUTHENTICATED');
      expect(statements.count - before).toBe(4);
      expect(reads).toHaveLength(2);
    } finally {
      await setActive('pat', true);
    }
  });

  it('fails closed when the directory stops answering: a read that failed changes nothing, and the person is UNAVAILABLE once the TTL has passed', async () => {
    const start = Date.now();
    let now = start;
    const relay = await startRelay();
    const { check, reads, errors } = staffCheck({ clientsUrl: relay.url, now: () => now });
    try {
      expect(await codeOf(check(actor('casey')))).toBe('OK');
      expect(reads).toHaveLength(1);
      relay.peer.down = true;
      now = start + 60_000 - 1;
      expect(await codeOf(check(actor('alex')))).toBe('OK');
      expect(errors).toHaveLength(0);
      now = start + 60_000;
      expect(await codeOf(check(actor('alex')))).toBe('UNAVAILABLE');
      expect(errors).toHaveLength(1);
      expect(await codeOf(Promise.reject(errors[0]))).toBe('UNAVAILABLE');
      expect(reads).toHaveLength(1);
    } finally {
      await relay.peer.stop();
    }
  });

  it('fails closed: UNAVAILABLE when the directory cannot answer, and the route answers only the internal channel', async () => {
    const wrongSecret = staffCheck({ internalSecret: 'not-the-secret' });
    expect(await codeOf(wrongSecret.check(actor('casey')))).toBe('UNAVAILABLE');
    expect(wrongSecret.errors).toHaveLength(1);
    const nowhere = staffCheck({ clientsUrl: 'http://127.0.0.1:9' });
    expect(await codeOf(nowhere.check(actor('casey')))).toBe('UNAVAILABLE');
    expect(nowhere.errors).toHaveLength(1);
    expect([...wrongSecret.reads, ...nowhere.reads]).toEqual([]);
    const direct = await fetch(new URL(STAFF_DIRECTORY_PATH, bed.t.baseUrl), {
      method: 'POST',
      body: JSON.stringify({ staffId: actor('casey').staffId }),
    });
    expect(direct.status).toBe(401);
  });

  it('answers the whole directory only on the internal channel, and then only id, role, organization and active, in one statement', async () => {
    const url = new URL(STAFF_DIRECTORY_ALL_PATH, bed.t.baseUrl);
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(401);
    const forged = await internalHeaders(actor('casey'), 'not-the-secret');
    expect((await fetch(url, { method: 'POST', headers: forged, body: '{}' })).status).toBe(401);

    const statements = bed.t.subgraph.database.counter;
    const before = statements.count;
    const headers = { ...(await internalHeaders(actor('casey'), bed.t.secret)), 'content-type': 'application/json' };
    const answer = await fetch(url, { method: 'POST', headers, body: '{}' });
    expect(answer.status).toBe(200);
    const { staff } = (await answer.json()) as { staff: Record<string, unknown>[] };
    expect(statements.count - before).toBe(1);
    expect(statements.since(before)[0]).not.toMatch(/email|display_name/);
    const rows = await bed.sql<{ id: string; role: string; organization_id: string; active: boolean }>(
      'SELECT id, role, organization_id, active FROM clients.staff_member ORDER BY id',
    );
    expect(staff).toEqual(rows.map((r) => ({ id: r.id, role: r.role, organizationId: r.organization_id, active: r.active })));
    for (const record of staff) expect(Object.keys(record).sort()).toEqual(['active', 'id', 'organizationId', 'role']);
    const casey = actor('casey');
    expect(staff).toContainEqual({ id: casey.staffId, role: casey.role, organizationId: casey.organizationId, active: true });
  });
});
