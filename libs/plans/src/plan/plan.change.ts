import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { conflict, notFound } from '@caseflow/core';
import type { PlanAccess } from '../access/plan-access';
import { insertGoals } from '../goal/goal.sql';
import { clearLoaders, type PlansLoaders } from '../loaders';
import { PlanRevisionEntity, type RevisedEntityType, type RevisionChanges } from '../revision/revision.entity';
import { insertSteps } from '../step/step.sql';
import { insertTasks } from '../task/task.sql';
import { ActionPlanEntity, type PlanStatus } from './plan.entity';
import { toActionPlan } from './plan.mapper';
import type { ActionPlan } from './plan.type';
import { expectVersion, type GoalDraft } from './plan.rules';
import { planRevised, recordPlanEvents, watchingOverdueSteps } from './plan.events';
import { raisePlanVersion } from './plan.sql';
import type { Today } from '../today';

/**
 * The one path of every change to a plan, inside one transaction: lock the
 * plan row, compare the version the caller read, check the status allows the
 * change, write, then `revise` — which raises the version (only from the
 * version read), appends the revision that explains the change and records
 * `plan.revised`. A stale version is a CONFLICT and nothing is written; a
 * change that alters the client's overdue steps also records
 * `plan.steps_changed` (plan.events.ts).
 */

/** What the commands that change plans share, for one request. */
export interface PlanWriteDeps {
  dataSource: DataSource;
  loaders: PlansLoaders;
  access: PlanAccess;
  audit: AuditTrail;
  /** The request's calendar date in the caller's agency (see today.ts). */
  today: Today;
}

/** A plan row locked for the rest of the transaction. */
export interface LockedPlan {
  id: string;
  clientId: string;
  organizationId: string;
  status: PlanStatus;
  version: number;
  createdAt: Date;
}

/**
 * Runs one change to an existing plan in one transaction: the plan is locked
 * and must still be at the version the caller read (CONFLICT otherwise)
 * before `work` writes; any error rolls everything back. The caller's right
 * to change the case is checked before this (PlanAccess.assertMayWrite). The
 * request's loaders are cleared afterwards, so that what the mutation
 * returns is read after the change.
 */
export async function inLockedPlan<T>(
  deps: PlanWriteDeps,
  planId: string,
  expectedVersion: number,
  work: (tx: EntityManager, plan: LockedPlan) => Promise<T>,
): Promise<T> {
  const today = await deps.today();
  const result = await deps.dataSource.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (!plan) throw notFound('ActionPlan', planId);
    expectVersion(plan, expectedVersion);
    return watchingOverdueSteps(tx, plan, today, () => work(tx, plan));
  });
  clearLoaders(deps.loaders);
  return result;
}

const lockingPlans = (tx: EntityManager) =>
  tx
    .createQueryBuilder(ActionPlanEntity, 'p')
    .select(['p.id', 'p.clientId', 'p.organizationId', 'p.status', 'p.version', 'p.createdAt'])
    .setLock('pessimistic_write');

/** Reads and locks a plan until the transaction ends (`FOR UPDATE`); a second writer waits here, then sees the new version. */
export function lockPlan(tx: EntityManager, planId: string): Promise<LockedPlan | null> {
  return lockingPlans(tx).where('p.id = :planId', { planId }).getOne();
}

/** Locks the client's ACTIVE plan, if any (to complete it when another plan becomes active). */
export function lockActivePlan(tx: EntityManager, clientId: string): Promise<LockedPlan | null> {
  return lockingPlans(tx).where('p.clientId = :clientId', { clientId }).andWhere('p.status = :status', { status: 'ACTIVE' }).getOne();
}

export interface Revision {
  rationale: string;
  summary: string;
  entityType: RevisedEntityType;
  entityId: string;
  changes: RevisionChanges;
  /** The plan's new status, when the change moves it. */
  status?: PlanStatus;
}

/**
 * Raises the plan's version by one (only from the version it was locked at)
 * and appends the revision, with its `plan.revised` event; returns the new
 * version.
 */
export async function revise(tx: EntityManager, plan: LockedPlan, actor: Actor, revision: Revision): Promise<number> {
  const next = plan.version + 1;
  const [updated] = await raisePlanVersion(tx, { planId: plan.id, from: plan.version, to: next, status: revision.status ?? null });
  if (updated.length !== 1) throw conflict('The plan changed while this change was being made; reload and try again');
  await tx.insert(PlanRevisionEntity, {
    planId: plan.id,
    version: next,
    revisedBy: actor.staffId,
    rationale: revision.rationale,
    summary: revision.summary.slice(0, 500),
    entityType: revision.entityType,
    entityId: revision.entityId,
    // A jsonb column of [before, after] pairs: TypeORM's insert type cannot follow `unknown` values into it.
    changes: revision.changes as QueryDeepPartialEntity<RevisionChanges>,
  });
  plan.version = next;
  if (revision.status) plan.status = revision.status;
  await recordPlanEvents(tx, [planRevised(plan, next)]);
  return next;
}

/**
 * Inserts goals with their tasks and steps: three statements however many.
 * Positions continue from `firstPosition`; `setAt` is when the goals count as
 * set (null while the plan is a draft). Returns the new goals' ids in order.
 */
export async function insertGoalTrees(
  tx: EntityManager,
  planId: string,
  goals: GoalDraft[],
  firstPosition: number,
  setAt: 'now' | null,
): Promise<string[]> {
  if (goals.length === 0) return [];
  const rows = goals.map((g, i) => ({ ...g, id: randomUUID(), position: firstPosition + i }));
  await insertGoals(tx, { planId, setNow: setAt === 'now', goals: rows });
  const tasks = rows.flatMap((g) => g.tasks.map((task, position) => ({ id: randomUUID(), goalId: g.id, position, ...task })));
  if (tasks.length === 0) return rows.map((g) => g.id);
  await insertTasks(tx, { tasks });
  const steps = tasks.flatMap((t) => t.steps.map((step, position) => ({ taskId: t.id, position, ...step })));
  if (steps.length > 0) await insertSteps(tx, { steps });
  return rows.map((g) => g.id);
}

/** The changed plan, read inside the change's transaction: a failure here rolls the change back rather than hiding it. */
export async function changedPlan(tx: EntityManager, planId: string): Promise<ActionPlan> {
  return toActionPlan(await tx.getRepository(ActionPlanEntity).findOneByOrFail({ id: planId }));
}

/** True for the unique-index violation of two ACTIVE plans for one client (two activations racing). */
export function isSecondActivePlan(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driverError?.code === '23505' && driverError.constraint === 'action_plan_one_active_per_client';
}
