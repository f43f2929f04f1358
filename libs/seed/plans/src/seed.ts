import type { DataSource, EntityManager } from 'typeorm';
import type { DemoWorld } from '@caseflow/demo';
import { plansSeed, type PlansSeedOptions, type SeedPlan, type SeedRanking } from './seed-world';

const PLANS_PER_BATCH = 1000;

/**
 * Writes the plans subgraph's part of the demo world (see seed-world.ts):
 * plans, goals, tasks, steps, revisions, the clients' agreements and prioritizing grids, a few
 * statements per thousand plans. Safe to run twice; a row that conflicts
 * with anything already there (the same id, or another ACTIVE plan of the
 * client) is skipped together with what hangs under it.
 */
export async function seedPlans(dataSource: DataSource, world: DemoWorld, options: PlansSeedOptions = {}): Promise<void> {
  const { plans, rankings } = plansSeed(world, options);
  for (let i = 0; i < plans.length; i += PLANS_PER_BATCH) {
    const batch = plans.slice(i, i + PLANS_PER_BATCH);
    await dataSource.transaction(async (tx) => {
      await writePlans(tx, batch);
      await writeAgreements(tx, batch);
    });
  }
  await dataSource.transaction((tx) => writeRankings(tx, rankings));
}

/** Revisions are written only up to the version of the plan as stored, so that a plan seeded earlier keeps version = 1 + its revisions. */
async function writePlans(tx: EntityManager, plans: SeedPlan[]): Promise<void> {
  await tx.query(
    `INSERT INTO plans.action_plan (id, client_id, organization_id, status, version, created_at, created_by, updated_at)
     SELECT id, client_id, organization_id, status, version, created_at, created_by, created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::timestamptz[], $7::uuid[])
         AS t(id, client_id, organization_id, status, version, created_at, created_by)
     ON CONFLICT DO NOTHING`,
    [
      plans.map((p) => p.id),
      plans.map((p) => p.clientId),
      plans.map((p) => p.organizationId),
      plans.map((p) => p.status),
      plans.map((p) => p.version),
      plans.map((p) => p.createdAt),
      plans.map((p) => p.createdBy),
    ],
  );
  const goals = plans.flatMap((plan) => plan.goals.map((goal) => ({ plan, goal })));
  await tx.query(
    `INSERT INTO plans.goal (id, plan_id, position, description, term, target_date, status, created_at, set_at,
                             smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
     SELECT t.id, t.plan_id, t.position, t.description, t.term, t.target_date, t.status, p.created_at,
            CASE WHEN p.status <> 'DRAFT' THEN p.created_at END,
            t.specific, t.measurable, t.achievable, t.relevant, t.time_limited
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[],
                   $8::boolean[], $9::boolean[], $10::boolean[], $11::boolean[], $12::boolean[])
         AS t(id, plan_id, position, description, term, target_date, status, specific, measurable, achievable, relevant, time_limited)
       JOIN plans.action_plan p ON p.id = t.plan_id
     ON CONFLICT DO NOTHING`,
    [
      goals.map((g) => g.goal.id),
      goals.map((g) => g.plan.id),
      goals.map((g) => g.goal.position),
      goals.map((g) => g.goal.description),
      goals.map((g) => g.goal.term),
      goals.map((g) => g.goal.targetDate),
      goals.map((g) => g.goal.status),
      goals.map((g) => g.goal.smart.specific),
      goals.map((g) => g.goal.smart.measurable),
      goals.map((g) => g.goal.smart.achievable),
      goals.map((g) => g.goal.smart.relevant),
      goals.map((g) => g.goal.smart.timeLimited),
    ],
  );
  const tasks = goals.map((g) => ({ goalId: g.goal.id, ...g.goal.task }));
  await tx.query(
    `INSERT INTO plans.plan_task (id, goal_id, position, title)
     SELECT t.id, t.goal_id, 0, t.title
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(id, goal_id, title)
      WHERE EXISTS (SELECT 1 FROM plans.goal g WHERE g.id = t.goal_id)
     ON CONFLICT DO NOTHING`,
    [tasks.map((t) => t.id), tasks.map((t) => t.goalId), tasks.map((t) => t.title)],
  );
  const steps = tasks.flatMap((t) => t.steps.map((s) => ({ taskId: t.id, ...s })));
  await tx.query(
    `INSERT INTO plans.plan_step (id, task_id, position, description, estimated_time, due_date, completed_at, outcome, who_helps)
     SELECT t.*
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[])
         AS t(id, task_id, position, description, estimated_time, due_date, completed_at, outcome, who_helps)
      WHERE EXISTS (SELECT 1 FROM plans.plan_task k WHERE k.id = t.task_id)
     ON CONFLICT DO NOTHING`,
    [
      steps.map((s) => s.id),
      steps.map((s) => s.taskId),
      steps.map((s) => s.position),
      steps.map((s) => s.description),
      steps.map((s) => s.estimatedTime),
      steps.map((s) => s.dueDate),
      steps.map((s) => s.completedAt),
      steps.map((s) => s.outcome),
      steps.map((s) => s.whoHelps),
    ],
  );
  const revisions = plans.flatMap((plan) => plan.revisions.map((r) => ({ planId: plan.id, ...r })));
  await tx.query(
    `INSERT INTO plans.plan_revision (id, plan_id, version, revised_at, revised_by, rationale, summary, entity_type, entity_id, changes)
     SELECT t.id, t.plan_id, t.version, t.revised_at, t.revised_by, t.rationale, t.summary, t.entity_type, t.entity_id, t.changes
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::uuid[], $10::jsonb[])
         AS t(id, plan_id, version, revised_at, revised_by, rationale, summary, entity_type, entity_id, changes)
      WHERE EXISTS (SELECT 1 FROM plans.action_plan p WHERE p.id = t.plan_id AND p.version >= t.version)
     ON CONFLICT DO NOTHING`,
    [
      revisions.map((r) => r.id),
      revisions.map((r) => r.planId),
      revisions.map((r) => r.version),
      revisions.map((r) => r.revisedAt),
      revisions.map((r) => r.revisedBy),
      revisions.map((r) => r.rationale),
      revisions.map((r) => r.summary),
      revisions.map((r) => r.entityType),
      revisions.map((r) => r.entityId),
      revisions.map((r) => JSON.stringify(r.changes)),
    ],
  );
}

/** The clients' agreements the seed gives (seed-world.ts), skipped where the stored plan is at another version. */
async function writeAgreements(tx: EntityManager, plans: SeedPlan[]): Promise<void> {
  const agreed = plans.filter((p) => p.agreement);
  await tx.query(
    `INSERT INTO plans.plan_agreement (id, plan_id, plan_version, method, agreed_at, recorded_by, note)
     SELECT t.id, t.plan_id, t.plan_version, t.method,
            LEAST(now(), COALESCE((SELECT max(r.revised_at) FROM plans.plan_revision r WHERE r.plan_id = p.id), p.created_at) + interval '1 hour'),
            t.recorded_by, t.note
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::uuid[], $6::text[])
         AS t(id, plan_id, plan_version, method, recorded_by, note)
       JOIN plans.action_plan p ON p.id = t.plan_id AND p.version = t.plan_version
     ON CONFLICT DO NOTHING`,
    [
      agreed.map((p) => p.agreement!.id),
      agreed.map((p) => p.id),
      agreed.map((p) => p.version),
      agreed.map((p) => p.agreement!.method),
      agreed.map((p) => p.createdBy),
      agreed.map((p) => p.agreement!.note),
    ],
  );
}

async function writeRankings(tx: EntityManager, rankings: SeedRanking[]): Promise<void> {
  await tx.query(
    `INSERT INTO plans.priority_ranking (id, client_id, organization_id, items, choices, ranked, created_at, created_by)
     SELECT t.id, t.client_id, t.organization_id, ARRAY(SELECT jsonb_array_elements_text(t.items)), t.choices, t.ranked, t.created_at, t.created_by
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::jsonb[], $5::jsonb[], $6::jsonb[], $7::timestamptz[], $8::uuid[])
         AS t(id, client_id, organization_id, items, choices, ranked, created_at, created_by)
     ON CONFLICT DO NOTHING`,
    [
      rankings.map((r) => r.id),
      rankings.map((r) => r.clientId),
      rankings.map((r) => r.organizationId),
      rankings.map((r) => JSON.stringify(r.items)),
      rankings.map((r) => JSON.stringify(r.choices)),
      rankings.map((r) => JSON.stringify(r.ranked)),
      rankings.map((r) => r.createdAt),
      rankings.map((r) => r.createdBy),
    ],
  );
}
