import { Client } from 'pg';
import { createTestDatabase } from '@caseflow/testing';
import { datasetOf, scaleCounts, seedAtScale } from './scale';

/** The generators' injected clock: the start of the day the suite runs (UTC), never a fixed date. */
const TODAY = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
const SCALE = 0.05;

/** The generated rows of each table, by the generators' id convention. */
const GENERATED: Array<{ table: string; kind: string; count: (c: ReturnType<typeof scaleCounts>) => number; columns: string }> = [
  {
    table: 'clients.client',
    kind: 'client',
    count: (c) => c.clients,
    columns:
      'id, organization_id, first_name, last_name, preferred_name, date_of_birth, status, intake_date, assigned_case_manager_id, priority_score, key_dates',
  },
  {
    table: 'clients.case_note',
    kind: 'note',
    count: (c) => c.notes,
    columns: 'id, client_id, author_id, occurred_at, contact_type, body, sensitive',
  },
  {
    table: 'clients.needs_assessment',
    kind: 'assessment',
    count: (c) => c.assessments,
    columns: 'id, client_id, assessed_at, barrier_count, asset_count',
  },
  { table: 'plans.action_plan', kind: 'plan', count: (c) => c.plans, columns: 'id, client_id, status, version, created_at, updated_at' },
  {
    table: 'referrals.referral',
    kind: 'referral',
    count: (c) => c.referrals,
    columns: 'id, client_id, service_id, organization_id, status, created_at, sent_at, respond_by, outcome, accepted_at',
  },
];

/** Checksums of the data the generator decides (not columns a demo seed leaves to now()). */
const CHECKSUMS: Record<string, string> = {
  ...Object.fromEntries(GENERATED.map((g) => [g.table, g.columns])),
  'clients.staff_member': 'id, email, display_name, role, organization_id',
  'clients.case_event': 'id, client_id, kind, at, outcome',
  'clients.assessment_item': 'id, assessment_id, position, characteristic, rating',
  'clients.consent': 'id, client_id, recipient_organization_id, signed_at, expires_at, revoked_at',
  'plans.goal': 'id, plan_id, position, description, status, target_date',
  'plans.plan_step': 'id, task_id, position, due_date, completed_at, outcome',
  'plans.plan_revision': 'id, plan_id, version, revised_at',
  'referrals.referral_event': 'id, referral_id, status, at, actor_id',
  'resources.service': 'id, organization_id, name',
};

async function withDb<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

const checksums = (url: string) =>
  withDb(url, async (db) => {
    const result: Record<string, string> = {};
    for (const [table, columns] of Object.entries(CHECKSUMS)) {
      result[table] = (
        await db.query(`SELECT md5(string_agg(t.r, ',' ORDER BY t.r)) AS sum FROM (SELECT (${columns})::text AS r FROM ${table}) t`)
      ).rows[0].sum;
    }
    return result;
  });

describe('the benchmark dataset generator', () => {
  let first: string;
  let firstSums: Record<string, string>;
  const counts = scaleCounts(SCALE);

  beforeAll(async () => {
    first = await createTestDatabase('scale_a');
    await seedAtScale(() => first, { scale: SCALE, seed: 42, today: TODAY });
    firstSums = await checksums(first);
  }, 120_000);

  it('writes exactly the rows the scale asks for, beside the demo world, and records what it made', async () => {
    await withDb(first, async (db) => {
      for (const g of GENERATED) {
        const n = g.count(counts);
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM ${g.table} WHERE id IN (SELECT md5('bench:${g.kind}:' || i)::uuid FROM generate_series(1, $1::int) i)`,
          [n],
        );
        expect({ table: g.table, rows: rows[0].n }).toEqual({ table: g.table, rows: n });
      }
      const staff = await db.query(
        `SELECT role, count(*)::int AS n FROM clients.staff_member WHERE email LIKE '%@bench.caseflow' GROUP BY role ORDER BY role`,
      );
      expect(staff.rows).toEqual([
        { role: 'ANALYST', n: counts.analysts },
        { role: 'CASE_MANAGER', n: counts.caseManagers },
        { role: 'PARTNER', n: counts.partners },
        { role: 'SUPERVISOR', n: counts.supervisors },
      ]);
      expect((await db.query(`SELECT email FROM clients.staff_member WHERE email = 'cm0001@bench.caseflow'`)).rowCount).toBe(1);
      // The demo world is there too, so the demo users still work.
      expect((await db.query(`SELECT count(*)::int AS n FROM clients.staff_member WHERE email LIKE '%@demo.caseflow'`)).rows[0].n).toBe(7);
      // Plans: about 20 steps each; referrals: a history for each.
      const steps = await db.query(
        `SELECT count(s.*)::float / count(DISTINCT p.id) AS per_plan FROM plans.action_plan p JOIN plans.goal g ON g.plan_id = p.id
                                      JOIN plans.plan_task t ON t.goal_id = g.id JOIN plans.plan_step s ON s.task_id = t.id
                                     WHERE p.id IN (SELECT md5('bench:plan:' || i)::uuid FROM generate_series(1, $1::int) i)`,
        [counts.plans],
      );
      expect(steps.rows[0].per_plan).toBeGreaterThan(15);
      expect(steps.rows[0].per_plan).toBeLessThan(25);
      const noHistory = await db.query(
        `SELECT count(*)::int AS n FROM referrals.referral r WHERE NOT EXISTS (SELECT 1 FROM referrals.referral_event e WHERE e.referral_id = r.id)`,
      );
      expect(noHistory.rows[0].n).toBe(0);
    });
    const dataset = await datasetOf(first);
    expect(dataset).toMatchObject({ scale: SCALE, seed: 42, today: TODAY.toISOString().slice(0, 10), counts });
  });

  it('keeps the data consistent: nothing in the future, a consent behind every sent referral, every client with a case manager of its agency', async () => {
    await withDb(first, async (db) => {
      const future = await db.query(
        `SELECT
          (SELECT count(*) FROM referrals.referral_event WHERE at > $1::timestamptz AND id IN (SELECT md5('bench:referral-event:' || i || ':' || k)::uuid
             FROM generate_series(1, $2::int) i, generate_series(0, 4) k))::int AS events,
          (SELECT count(*) FROM clients.case_note WHERE occurred_at > $1::timestamptz AND id IN (SELECT md5('bench:note:' || i)::uuid FROM generate_series(1, $3::int) i))::int AS notes,
          (SELECT count(*) FROM plans.plan_step WHERE completed_at > $1::date)::int AS steps`,
        [new Date(TODAY.getTime() + 86_400_000), counts.referrals, counts.notes],
      );
      expect(future.rows[0]).toEqual({ events: 0, notes: 0, steps: 0 });
      const unconsented = await db.query(
        `SELECT count(*)::int AS n FROM referrals.referral r
         WHERE r.status <> 'DRAFT' AND r.id IN (SELECT md5('bench:referral:' || i)::uuid FROM generate_series(1, $1::int) i)
           AND NOT EXISTS (SELECT 1 FROM clients.consent c WHERE c.client_id = r.client_id AND c.recipient_organization_id = r.organization_id AND c.signed_at <= r.sent_at)`,
        [counts.referrals],
      );
      expect(unconsented.rows[0].n).toBe(0);
      const statuses = await db.query(
        `SELECT DISTINCT status FROM clients.client WHERE id IN (SELECT md5('bench:client:' || i)::uuid FROM generate_series(1, $1::int) i) ORDER BY status`,
        [counts.clients],
      );
      expect(statuses.rows.map((r) => r.status)).toEqual(['ACTIVE', 'CLOSED', 'INTAKE', 'ON_HOLD']);
      const cms = await db.query(
        `SELECT count(*)::int AS n FROM clients.client c JOIN clients.staff_member s ON s.id = c.assigned_case_manager_id
         WHERE c.id IN (SELECT md5('bench:client:' || i)::uuid FROM generate_series(1, $1::int) i) AND s.email LIKE 'cm%@bench.caseflow' AND s.organization_id = c.organization_id`,
        [counts.clients],
      );
      expect(cms.rows[0].n).toBe(counts.clients);
    });
  });

  it("counts the generated steps already overdue on the dataset's day as told about: the overdue-steps job has only what falls due later", async () => {
    await withDb(first, async (db) => {
      // The overdue-steps job's candidates (overdue.sql.ts) among the generated plans, on a day; `told`: their once-key is claimed.
      const overdue = `FROM plans.plan_step s
        JOIN plans.plan_task t ON t.id = s.task_id JOIN plans.goal g ON g.id = t.goal_id JOIN plans.action_plan p ON p.id = g.plan_id
        WHERE s.due_date < $1::date AND s.outcome NOT IN ('COMPLETE', 'CANCELLED') AND g.status = 'OPEN' AND p.status IN ('DRAFT', 'ACTIVE')
          AND p.id IN (SELECT md5('bench:plan:' || i)::uuid FROM generate_series(1, $2::int) i)`;
      const told = `EXISTS (SELECT 1 FROM plans.outbox_once o WHERE o.once_key = 'plan.step_overdue:' || s.id || ':' || s.due_date::text)`;
      // `marked`: the step carries the told due date, which keeps it out of the job's read (OverdueToldOn1765584000105).
      const marked = 's.overdue_told_on = s.due_date';
      const { rows } = await db.query(
        `SELECT (SELECT count(*) ${overdue})::int AS overdue, (SELECT count(*) ${overdue} AND ${told})::int AS told,
                (SELECT count(*) ${overdue} AND ${marked})::int AS marked,
                (SELECT count(*) FROM plans.outbox_event WHERE type = 'plan.step_overdue')::int AS events`,
        [TODAY, counts.plans],
      );
      expect(rows[0].overdue).toBeGreaterThan(0);
      expect(rows[0]).toEqual({ overdue: rows[0].overdue, told: rows[0].overdue, marked: rows[0].overdue, events: 0 });
      // A week later the steps that fell due in between are the job's to tell: only those, and only those unmarked.
      const later = await db.query(
        `SELECT (SELECT count(*) ${overdue} AND NOT ${told})::int AS untold, (SELECT count(*) ${overdue} AND s.overdue_told_on IS DISTINCT FROM s.due_date)::int AS unmarked`,
        [new Date(TODAY.getTime() + 7 * 86_400_000), counts.plans],
      );
      expect(later.rows[0].untold).toBeGreaterThan(0);
      expect(later.rows[0].unmarked).toBe(later.rows[0].untold);
    });
  });

  it("keeps every generated plan's progress as one rebuild from its tree would: the seed's batches leave the counts the rule derives", async () => {
    await withDb(first, async (db) => {
      const kept = `SELECT plan_id, goals_total, goals_achieved, steps_total, steps_complete, open_due_dates::text
        FROM plans.plan_progress WHERE plan_id IN (SELECT md5('bench:plan:' || i)::uuid FROM generate_series(1, $1::int) i) ORDER BY plan_id`;
      const asSeeded = (await db.query(kept, [counts.plans])).rows;
      expect(asSeeded).toHaveLength(counts.plans);
      expect(asSeeded.filter((r) => r.steps_total > 0 && r.open_due_dates !== '{}').length).toBeGreaterThan(0);
      await db.query('BEGIN');
      try {
        await db.query('SELECT plans.rebuild_plan_progress(ARRAY(SELECT id FROM plans.action_plan))');
        expect((await db.query(kept, [counts.plans])).rows).toEqual(asSeeded);
      } finally {
        await db.query('ROLLBACK');
      }
    });
  });

  it('is deterministic for a seed, and another seed gives other data of the same size', async () => {
    const again = await createTestDatabase('scale_b');
    await seedAtScale(() => again, { scale: SCALE, seed: 42, today: TODAY });
    expect(await checksums(again)).toEqual(firstSums);

    const other = await createTestDatabase('scale_c');
    const report = await seedAtScale(() => other, { scale: SCALE, seed: 43, today: TODAY });
    const otherSums = await checksums(other);
    expect(otherSums['clients.client']).not.toBe(firstSums['clients.client']);
    expect(otherSums['resources.service']).toBe(firstSums['resources.service']);
    expect(report.rows['clients.client']).toBe((await datasetOf(first))?.rows['clients.client']);
    await expect(seedAtScale(() => other, { scale: SCALE, seed: 43, today: TODAY })).rejects.toThrow('already holds a benchmark dataset');
  }, 120_000);
});
