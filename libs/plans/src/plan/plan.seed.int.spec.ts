import { demoStaff } from '@caseflow/demo';
import { plansSeed, seedPlans } from '@caseflow/plans-seed';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const casey = demoStaff('casey');

let bed: PlansTestbed;
const world = () => bed.world;
const db = () => bed.t.subgraph.database;

beforeAll(async () => {
  bed = await startPlansTestbed();
});

afterAll(() => bed?.stop());

describe('the plans demo data', () => {
  it('seeds idempotently and keeps at most one ACTIVE plan per client', async () => {
    const counts = async () =>
      (
        await db().dataSource.query(
          `SELECT (SELECT count(*) FROM plans.action_plan) AS plans, (SELECT count(*) FROM plans.goal) AS goals,
                (SELECT count(*) FROM plans.plan_task) AS tasks, (SELECT count(*) FROM plans.plan_step) AS steps`,
        )
      )[0];
    const before = await counts();
    expect(Number(before.plans)).toBe(bed.seed.plans.length);
    expect(Number(before.goals)).toBe(bed.seed.plans.reduce((n, p) => n + p.goals.length, 0));
    expect(Number(before.tasks)).toBe(Number(before.goals));
    await seedPlans(db().dataSource, world());
    expect(await counts()).toEqual(before);

    const active = world().plans.find((p) => p.status === 'ACTIVE')!;
    await expect(
      db().dataSource.query(
        `INSERT INTO plans.action_plan (client_id, organization_id, status, created_by) VALUES ($1, $2, 'ACTIVE', $3)`,
        [active.clientId, active.organizationId, casey.id],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'action_plan_one_active_per_client' } });
    expect(await counts()).toEqual(before);
  });

  it('seeds plans at every stage, with overdue and brought-forward steps, revisions that explain every version, and grids', async () => {
    const sql = (q: string) => db().dataSource.query(q);
    expect((await sql(`SELECT DISTINCT status FROM plans.action_plan ORDER BY status`)).map((r: { status: string }) => r.status)).toEqual([
      'ACTIVE',
      'CANCELLED',
      'COMPLETED',
      'DRAFT',
    ]);
    expect(
      await sql(`SELECT p.id FROM plans.action_plan p LEFT JOIN plans.plan_revision r ON r.plan_id = p.id
                  GROUP BY p.id, p.version HAVING p.version <> 1 + count(r.id)`),
    ).toEqual([]);
    const [counts] = await sql(`SELECT
        (SELECT count(*)::int FROM plans.plan_step WHERE outcome = 'BROUGHT_FORWARD') AS brought_forward,
        (SELECT count(*)::int FROM plans.plan_step WHERE outcome NOT IN ('COMPLETE', 'CANCELLED') AND due_date < current_date) AS late,
        (SELECT count(*)::int FROM plans.plan_revision WHERE entity_type = 'PlanStep' AND changes ? 'dueDate') AS rescheduled,
        (SELECT count(*)::int FROM plans.plan_revision WHERE btrim(rationale) = '') AS without_rationale,
        (SELECT count(*)::int FROM plans.priority_ranking) AS grids`);
    expect(counts.brought_forward).toBeGreaterThan(0);
    expect(counts.late).toBeGreaterThan(0);
    expect(counts.rescheduled).toBe(counts.brought_forward);
    expect(counts.without_rationale).toBe(0);
    expect(counts.grids).toBe(bed.seed.rankings.length);
    expect(bed.seed.rankings.length).toBeGreaterThan(0);
  });

  it("seeds the demo's agreements: some active plans agreed to their current version, the others awaiting agreement", async () => {
    const agreed = plansSeed(world()).plans.filter((p) => p.agreement);
    const active = bed.seed.plans.filter((p) => p.status === 'ACTIVE');
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.length).toBeLessThan(active.length);
    await seedPlans(db().dataSource, world());
    await seedPlans(db().dataSource, world());
    const rows: Array<{ plan_id: string; plan_version: number; version: number; status: string; method: string; future: boolean }> =
      await db().dataSource.query(
        `SELECT a.plan_id, a.plan_version, p.version, p.status, a.method, a.agreed_at > now() AS future
           FROM plans.plan_agreement a JOIN plans.action_plan p ON p.id = a.plan_id ORDER BY a.plan_id`,
      );
    expect(rows.map((r) => r.plan_id)).toEqual(agreed.map((p) => p.id).sort());
    for (const row of rows) expect(row).toMatchObject({ plan_version: row.version, status: 'ACTIVE', future: false });
    expect(new Set(rows.map((r) => r.method))).toEqual(new Set(['IN_PERSON_SIGNATURE', 'VERBAL', 'ELECTRONIC']));
  });
});
