import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { anyOf, runPrepared } from '@caseflow/db';
import { groupLoader, rowLoader } from '@caseflow/federation';
import { PlanAgreementEntity } from './agreement/agreement.entity';
import type { GoalEntity } from './goal/goal.entity';
import { goalsByIds, goalsOfPlans } from './goal/goal.sql';
import type { ActionPlanEntity } from './plan/plan.entity';
import { plansById, plansOfClientsWithActiveProgress, toPlanEntity } from './plan/plan.sql';
import { type ProgressCounts, toProgressCounts } from './progress/progress.mapper';
import { progressOfPlans } from './progress/progress.sql';
import { PriorityRankingEntity } from './ranking/ranking.entity';
import { PlanRevisionEntity } from './revision/revision.entity';
import type { PlanStepEntity } from './step/step.entity';
import { stepsByIds, stepsOfTasks } from './step/step.sql';
import type { PlanTaskEntity } from './task/task.entity';
import { tasksByIds, tasksOfGoals } from './task/task.sql';
import type { Today } from './today';

/** Per-request loaders: each lookup by id, and each level of the plan tree, is one SQL statement per batch. */
export interface PlansLoaders {
  plan: DataLoader<string, ActionPlanEntity | null>;
  /** Newest first; also primes `progress` with each ACTIVE plan's counts (the caseload's `activePlan { progress }` is one statement). */
  plansByClient: DataLoader<string, ActionPlanEntity[]>;
  goal: DataLoader<string, GoalEntity | null>;
  goalsByPlan: DataLoader<string, GoalEntity[]>;
  task: DataLoader<string, PlanTaskEntity | null>;
  tasksByGoal: DataLoader<string, PlanTaskEntity[]>;
  step: DataLoader<string, PlanStepEntity | null>;
  stepsByTask: DataLoader<string, PlanStepEntity[]>;
  /** The progress counts of many plans in one aggregate statement (an ACTIVE plan's come primed with its client's plans). */
  progress: DataLoader<string, ProgressCounts | null>;
  /** Oldest first. */
  revisionsByPlan: DataLoader<string, PlanRevisionEntity[]>;
  /** The revisions that changed one goal or step, oldest first. */
  revisionsByEntity: DataLoader<string, PlanRevisionEntity[]>;
  ranking: DataLoader<string, PriorityRankingEntity | null>;
  /** Newest first. */
  rankingsByClient: DataLoader<string, PriorityRankingEntity[]>;
  /** A plan's agreements, newest first (by version, then time): the current agreement and the history from one statement. */
  agreementsByPlan: DataLoader<string, PlanAgreementEntity[]>;
}

/**
 * `today` is fixed for the request (the caller's agency's day, see today.ts),
 * so that every step of one answer is judged against the same date. Plans and their progress are prepared reads
 * (`plan.sql.ts`, `progress.sql.ts`): they are on every caseload's path; so
 * is the plan tree, goals, tasks and steps (`goal.sql.ts`, `task.sql.ts`,
 * `step.sql.ts`), on every client profile's.
 */
export function createPlansLoaders(dataSource: DataSource, today: Today): PlansLoaders {
  const revisions = dataSource.getRepository(PlanRevisionEntity);
  const rankings = dataSource.getRepository(PriorityRankingEntity);
  const agreements = dataSource.getRepository(PlanAgreementEntity);
  const progress = rowLoader<string, ProgressCounts>(
    async (ids) => (await runPrepared(dataSource, progressOfPlans, [ids, await today()])).map(toProgressCounts),
    (c) => c.planId,
  );
  const plansOfClients = async (clientIds: string[]): Promise<ActionPlanEntity[]> => {
    const rows = await runPrepared(dataSource, plansOfClientsWithActiveProgress, [clientIds, await today()]);
    for (const r of rows) if (r.status === 'ACTIVE') progress.prime(r.id, toProgressCounts({ plan_id: r.id, ...r }));
    return rows.map(toPlanEntity);
  };
  return {
    plan: rowLoader(
      async (ids) => (await runPrepared(dataSource, plansById, [ids])).map(toPlanEntity),
      (p) => p.id,
    ),
    plansByClient: groupLoader(plansOfClients, (p) => p.clientId),
    goal: rowLoader(
      (ids) => goalsByIds(dataSource, ids),
      (g) => g.id,
    ),
    goalsByPlan: groupLoader(
      (ids) => goalsOfPlans(dataSource, ids),
      (g) => g.planId,
    ),
    task: rowLoader(
      (ids) => tasksByIds(dataSource, ids),
      (t) => t.id,
    ),
    tasksByGoal: groupLoader(
      (ids) => tasksOfGoals(dataSource, ids),
      (t) => t.goalId,
    ),
    step: rowLoader(
      (ids) => stepsByIds(dataSource, ids),
      (s) => s.id,
    ),
    stepsByTask: groupLoader(
      (ids) => stepsOfTasks(dataSource, ids),
      (s) => s.taskId,
    ),
    progress,
    revisionsByPlan: groupLoader(
      (ids) => revisions.find({ where: { planId: anyOf(ids) }, order: { version: 'ASC' } }),
      (r) => r.planId,
    ),
    revisionsByEntity: groupLoader(
      (ids) => revisions.find({ where: { entityId: anyOf(ids) }, order: { version: 'ASC' } }),
      (r) => r.entityId,
    ),
    ranking: rowLoader(
      (ids) => rankings.findBy({ id: anyOf(ids) }),
      (r) => r.id,
    ),
    rankingsByClient: groupLoader(
      (ids) => rankings.find({ where: { clientId: anyOf(ids) }, order: { createdAt: 'DESC', id: 'DESC' } }),
      (r) => r.clientId,
    ),
    agreementsByPlan: groupLoader(
      (ids) => agreements.find({ where: { planId: anyOf(ids) }, order: { planVersion: 'DESC', agreedAt: 'DESC', id: 'DESC' } }),
      (a) => a.planId,
    ),
  };
}

/** Forgets everything loaded so far, so that what a change returns is read after the change. */
export function clearLoaders(loaders: PlansLoaders): void {
  for (const loader of Object.values(loaders) as Array<DataLoader<unknown, unknown>>) loader.clearAll();
}
