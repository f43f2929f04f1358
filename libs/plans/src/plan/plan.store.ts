import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { conflict, invalidTransition } from '@caseflow/core';
import type { RevisedEntityType, RevisionChanges } from '../revision/revision.entity';
import type { PlanStatus } from './plan.entity';
import type { GoalDraft } from './plan.rules';

/**
 * The writing side of plans, inside one transaction. Every change to a plan
 * follows the same path: lock the plan row, compare the version the caller
 * read, check the status allows the change, write, then `revise` — which
 * raises the version (only from the version read) and appends the revision
 * that explains the change. A stale version is a CONFLICT and nothing is written.
 */
export interface LockedPlan {
  id: string;
  clientId: string;
  organizationId: string;
  status: PlanStatus;
  version: number;
  createdAt: Date;
}

interface Row {
  id: string;
  client_id: string;
  organization_id: string;
  status: PlanStatus;
  version: number;
  created_at: Date;
}

const toLocked = (r: Row): LockedPlan => ({
  id: r.id,
  clientId: r.client_id,
  organizationId: r.organization_id,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
});

/** Reads and locks a plan until the transaction ends; a second writer waits here, then sees the new version. */
export async function lockPlan(tx: EntityManager, planId: string): Promise<LockedPlan | null> {
  const rows: Row[] = await tx.query(
    `SELECT id, client_id, organization_id, status, version, created_at FROM plans.action_plan WHERE id = $1 FOR UPDATE`,
    [planId],
  );
  return rows[0] ? toLocked(rows[0]) : null;
}

/** Locks the client's ACTIVE plan, if any (to complete it when another plan becomes active). */
export async function lockActivePlan(tx: EntityManager, clientId: string): Promise<LockedPlan | null> {
  const rows: Row[] = await tx.query(
    `SELECT id, client_id, organization_id, status, version, created_at FROM plans.action_plan
      WHERE client_id = $1 AND status = 'ACTIVE' FOR UPDATE`,
    [clientId],
  );
  return rows[0] ? toLocked(rows[0]) : null;
}

/** CONFLICT unless the caller read the current version. */
export function expectVersion(plan: LockedPlan, expectedVersion: number): void {
  if (plan.version !== expectedVersion) {
    throw conflict(`The plan changed since you read it (version ${expectedVersion}; it is now ${plan.version}); reload and try again`, {
      currentVersion: plan.version,
    });
  }
}

/** INVALID_TRANSITION unless the plan is in one of `allowed`. */
export function expectStatus(plan: LockedPlan, allowed: readonly PlanStatus[], doing: string): void {
  if (!allowed.includes(plan.status)) {
    throw invalidTransition(`A ${plan.status} plan cannot be changed: ${doing}`, { status: plan.status });
  }
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
 * and appends the revision; returns the new version. Two statements.
 */
export async function revise(tx: EntityManager, plan: LockedPlan, actor: Actor, revision: Revision): Promise<number> {
  const next = plan.version + 1;
  const updated: Array<{ version: number }> = (
    await tx.queryRunner!.query(
      `UPDATE plans.action_plan SET version = $3, status = coalesce($4, status), updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING version`,
      [plan.id, plan.version, next, revision.status ?? null],
      true,
    )
  ).records;
  if (updated.length !== 1) throw conflict('The plan changed while this change was being made; reload and try again');
  await tx.query(
    `INSERT INTO plans.plan_revision (plan_id, version, revised_by, rationale, summary, entity_type, entity_id, changes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      plan.id,
      next,
      actor.staffId,
      revision.rationale,
      revision.summary.slice(0, 500),
      revision.entityType,
      revision.entityId,
      JSON.stringify(revision.changes),
    ],
  );
  plan.version = next;
  if (revision.status) plan.status = revision.status;
  return next;
}

/**
 * Inserts goals with their tasks and steps: three statements however many.
 * Positions continue from `firstPosition`; `setAt` is when the goals count as
 * set (null while the plan is a draft). Returns the new goals' ids in order.
 */
export async function insertGoals(
  tx: EntityManager,
  planId: string,
  goals: GoalDraft[],
  firstPosition: number,
  setAt: 'now' | null,
): Promise<string[]> {
  if (goals.length === 0) return [];
  const goalIds = goals.map(() => randomUUID());
  await tx.query(
    `INSERT INTO plans.goal (id, plan_id, position, description, term, target_date, set_at,
                             smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
     SELECT t.id, $2, t.position, t.description, t.term, t.target_date, CASE WHEN $3 THEN now() END,
            t.specific, t.measurable, t.achievable, t.relevant, t.time_limited
       FROM unnest($1::uuid[], $4::int[], $5::text[], $6::text[], $7::date[], $8::boolean[], $9::boolean[], $10::boolean[], $11::boolean[], $12::boolean[])
         AS t(id, position, description, term, target_date, specific, measurable, achievable, relevant, time_limited)`,
    [
      goalIds,
      planId,
      setAt === 'now',
      goals.map((_, i) => firstPosition + i),
      goals.map((g) => g.description),
      goals.map((g) => g.term),
      goals.map((g) => g.targetDate),
      goals.map((g) => g.smart.specific),
      goals.map((g) => g.smart.measurable),
      goals.map((g) => g.smart.achievable),
      goals.map((g) => g.smart.relevant),
      goals.map((g) => g.smart.timeLimited),
    ],
  );
  const tasks = goals.flatMap((g, gi) => g.tasks.map((task, position) => ({ id: randomUUID(), goalId: goalIds[gi], position, ...task })));
  if (tasks.length === 0) return goalIds;
  await tx.query(
    `INSERT INTO plans.plan_task (id, goal_id, position, title)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[])`,
    [tasks.map((t) => t.id), tasks.map((t) => t.goalId), tasks.map((t) => t.position), tasks.map((t) => t.title)],
  );
  const steps = tasks.flatMap((t) => t.steps.map((step, position) => ({ taskId: t.id, position, ...step })));
  if (steps.length === 0) return goalIds;
  await tx.query(
    `INSERT INTO plans.plan_step (task_id, position, description, estimated_time, due_date, who_helps)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[])`,
    [
      steps.map((s) => s.taskId),
      steps.map((s) => s.position),
      steps.map((s) => s.description),
      steps.map((s) => s.estimatedTime),
      steps.map((s) => s.dueDate),
      steps.map((s) => s.whoHelps),
    ],
  );
  return goalIds;
}

/** True for the unique-index violation of two ACTIVE plans for one client (two activations racing). */
export function isSecondActivePlan(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driverError?.code === '23505' && driverError.constraint === 'action_plan_one_active_per_client';
}
