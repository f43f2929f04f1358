import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { requestSignal, withRequestSignal } from '@caseflow/core';
import { SqlCounter } from '@caseflow/db';
import { createTestDatabase } from '@caseflow/testing';
import { AuditTrail, auditTableSql } from './audit';
import { AuditWriter } from './audit-writer';
import type { Queryable } from './audit.sql';

const SCHEMA = 'group_commit';
const actor = {
  staffId: '00000000-0000-4000-8000-000000000001',
  role: 'CASE_MANAGER' as const,
  organizationId: '00000000-0000-4000-8000-00000000000a',
};
const clientId = '00000000-0000-4000-8000-0000000000c1';
const counter = new SqlCounter(5000);
let db: DataSource;
/** Another pool: what other sessions see, and a session to hold a lock with. */
let observer: DataSource;

beforeAll(async () => {
  const url = await createTestDatabase('audit_writer');
  db = new DataSource({ type: 'postgres', url, logger: counter });
  observer = new DataSource({ type: 'postgres', url });
  await Promise.all([db.initialize(), observer.initialize()]);
  await db.query(`CREATE SCHEMA ${SCHEMA}`);
  for (const statement of auditTableSql(SCHEMA)) await db.query(statement);
});
afterAll(async () => {
  await db?.destroy();
  await observer?.destroy();
});

/** A request's trail with `count` read events, entity ids 0…count-1 in the order noted. */
function request(count: number, detail: (i: number) => string | null = () => null): AuditTrail & { id: string; count: number } {
  const id = `req-${randomUUID()}`;
  const trail = new AuditTrail(SCHEMA, actor, id);
  for (let i = 0; i < count; i += 1) trail.note({ action: 'READ', entityType: 'Client', entityId: String(i), clientId, detail: detail(i) });
  return Object.assign(trail, { id, count });
}

const committed = async (requestId: string): Promise<number> =>
  (await observer.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.audit_event WHERE request_id = $1`, [requestId]))[0].n;

const appends = (mark: number) => counter.since(mark).filter((sql) => sql.startsWith(`INSERT INTO "${SCHEMA}".audit_event`));

/** A Queryable that keeps each statement's request ids, in the order of its rows. */
function recording(): Queryable & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    batches,
    query: (sql: string, parameters?: unknown[]) => {
      batches.push((parameters as unknown[][])[9] as string[]);
      return db.query(sql, parameters);
    },
  };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the group-commit audit writer', () => {
  it('commits the events of many concurrent requests, every one of them, in one statement', async () => {
    const writer = new AuditWriter(db, SCHEMA);
    const requests = Array.from({ length: 60 }, (_, i) => request(1 + (i % 5)));
    const mark = counter.count;
    await Promise.all(requests.map((r) => r.flush(writer)));
    expect(appends(mark)).toHaveLength(1);
    for (const r of requests) expect({ id: r.id, rows: await committed(r.id) }).toEqual({ id: r.id, rows: r.count });
    expect(writer.waiting).toBe(0);
  });

  it('answers a request only once its events are committed; the requests finishing meanwhile share the next statement', async () => {
    const writer = new AuditWriter(db, SCHEMA);
    // Another session holds a lock that lets readers in but makes every INSERT wait: the first statement stays in flight.
    const lock: QueryRunner = observer.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query(`LOCK TABLE ${SCHEMA}.audit_event IN SHARE MODE`);
    const seenAtAnswer = new Map<string, number>();
    const answered = new Set<string>();
    const flush = (r: ReturnType<typeof request>) =>
      r.flush(writer).then(async () => {
        answered.add(r.id);
        seenAtAnswer.set(r.id, await committed(r.id));
      });
    const mark = counter.count;
    try {
      const first = request(2);
      const firstDone = flush(first);
      await until(async () => {
        const [{ n }] = await observer.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "${SCHEMA}".audit_event%'`,
        );
        return n === 1;
      });
      const later = [request(3), request(1), request(4)];
      const laterDone = later.map(flush);
      expect(writer.waiting).toBe(3);
      expect(answered.size).toBe(0);
      expect(await committed(first.id)).toBe(0);
      await lock.commitTransaction();
      await Promise.all([firstDone, ...laterDone]);
      for (const r of [first, ...later]) expect({ id: r.id, seen: seenAtAnswer.get(r.id) }).toEqual({ id: r.id, seen: r.count });
      expect(appends(mark)).toHaveLength(2);
    } finally {
      if (lock.isTransactionActive) await lock.rollbackTransaction();
      await lock.release();
    }
  });

  it('rejects every request of a failing statement and writes none of their events; the next statement goes on', async () => {
    const writer = new AuditWriter(db, SCHEMA);
    // As the table's owner, the test makes the database refuse one row; the rows before it in the same statement must not stay.
    await db.query(`CREATE FUNCTION ${SCHEMA}.refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW.detail = 'refused-by-test' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER refuse_marked BEFORE INSERT ON ${SCHEMA}.audit_event FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.refuse_marked()`);
    const before = await observer.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.audit_event`);
    try {
      const batch = [request(3), request(2, (i) => (i === 1 ? 'refused-by-test' : null)), request(4)];
      const outcomes = await Promise.allSettled(batch.map((r) => r.flush(writer)));
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(outcomes.map((o) => (o as PromiseRejectedResult).reason?.message)).toEqual(Array(3).fill('refused by the test'));
      expect(await observer.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.audit_event`)).toEqual(before);
    } finally {
      await db.query(`DROP TRIGGER refuse_marked ON ${SCHEMA}.audit_event; DROP FUNCTION ${SCHEMA}.refuse_marked()`);
    }
    const next = request(2);
    await next.flush(writer);
    expect(await committed(next.id)).toBe(2);
  });

  it("refuses a request's event the table would refuse on its own, and commits the others sharing its turn", async () => {
    const writer = new AuditWriter(db, SCHEMA);
    const malformed = new AuditTrail(SCHEMA, actor, `req-${randomUUID()}`);
    malformed.note({ action: 'READ', entityType: 'Client', entityId: 'x', clientId: 'not-a-uuid' });
    const withNul = new AuditTrail(SCHEMA, actor, `req-${randomUUID()}`);
    withNul.note({ action: 'READ', entityType: 'Referral', entityId: 'a\u0000b', clientId });
    const fine = [request(2), request(1)];
    const outcomes = await Promise.allSettled([
      malformed.flush(writer),
      fine[0].flush(writer),
      withNul.flush(writer),
      fine[1].flush(writer),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await Promise.all(fine.map((r) => committed(r.id)))).toEqual([2, 1]);
    const [{ n }] = await observer.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.audit_event WHERE entity_id IN ('x', 'a')`);
    expect(n).toBe(0);
  });

  it("sends one statement text whatever the number of rows, the same as a change's event in its transaction", async () => {
    const writer = new AuditWriter(db, SCHEMA);
    const mark = counter.count;
    for (const size of [1, 7, 250, 1000]) await request(size).flush(writer);
    await Promise.all([request(3), request(40), request(2)].map((r) => r.flush(writer)));
    const changeId = `req-${randomUUID()}`;
    const change = new AuditTrail(SCHEMA, actor, changeId);
    await db.transaction((tx) =>
      change.write(tx, { action: 'UPDATE', entityType: 'Client', entityId: clientId, clientId, detail: 'status' }),
    );
    const texts = appends(mark);
    expect(texts).toHaveLength(6);
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toMatch(/SELECT \* FROM unnest\(\$1::uuid\[\], .*\$10::text\[\]\)$/);
    expect(await committed(changeId)).toBe(1);
  });

  it("keeps each request's events whole and in the order noted; batches take whole requests up to the cap", async () => {
    const recorder = recording();
    const writer = new AuditWriter(recorder, SCHEMA, { maxRows: 10 });
    const [a, b, big, d] = [request(4), request(4), request(12), request(3)];
    await Promise.all([a, b, big, d].map((r) => r.flush(writer)));
    const idsOf = (r: typeof a) => Array(r.count).fill(r.id);
    expect(recorder.batches).toEqual([[...idsOf(a), ...idsOf(b)], idsOf(big), idsOf(d)]);
    const stored: Array<{ id: string; request_id: string; entity_id: string }> = await observer.query(
      `SELECT id::text, request_id, entity_id FROM ${SCHEMA}.audit_event WHERE request_id = ANY($1) ORDER BY id`,
      [[a.id, b.id, big.id, d.id]],
    );
    expect(stored.map((row) => [row.request_id, row.entity_id])).toEqual(
      [a, b, big, d].flatMap((r) => Array.from({ length: r.count }, (_, i) => [r.id, String(i)])),
    );
    const ids = stored.map((row) => Number(row.id));
    expect(ids).toEqual(ids.map((_, i) => ids[0] + i));
  });

  it('writes a batch outside the request that opened it: nothing of that request (its abort signal) reaches the statement', async () => {
    const signals: Array<AbortSignal | undefined> = [];
    const writer = new AuditWriter(
      { query: (sql: string, parameters?: unknown[]) => (signals.push(requestSignal()), db.query(sql, parameters)) },
      SCHEMA,
    );
    const stopped = new AbortController();
    const r = request(2);
    const done = withRequestSignal(stopped.signal, () => {
      const flushed = r.flush(writer);
      stopped.abort();
      return flushed;
    });
    await done;
    expect(signals).toEqual([undefined]);
    expect(await committed(r.id)).toBe(2);
  });
});
