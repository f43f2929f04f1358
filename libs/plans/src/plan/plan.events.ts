/**
 * The plans subgraph's domain events (see @caseflow/events), recorded in the
 * plans outbox in the transaction of the change, on the aggregate
 * ('Plan', id): `plan.revised` with every revision, and `plan.steps_changed`
 * when a change alters which of the client's steps are overdue (a step done,
 * moved or cancelled, a goal or plan closed) — carrying the client's whole
 * overdue set, so that a consumer applying the latest one is right. The
 * daily `plan.step_overdue` is in step/overdue.job.ts.
 */
import type { EntityManager } from 'typeorm';
import { type NewDomainEvent, recordEvents } from '@caseflow/events';
import { overdueStepsOf } from '../step/overdue.sql';

export const PLANS_SCHEMA = 'plans';
export const PLAN_AGGREGATE = 'Plan';

/** The ids of one client's overdue steps on `today`, sorted. */
export async function overdueStepIds(m: EntityManager, clientId: string, today: string): Promise<string[]> {
  return (await overdueStepsOf(m, [clientId], today)).map((r) => r.step_id);
}

export interface PlanRef {
  id: string;
  clientId: string;
  organizationId: string;
}

const onPlan = (plan: PlanRef) => ({ aggregateType: PLAN_AGGREGATE, aggregateId: plan.id, organizationId: plan.organizationId });

export const planRevised = (plan: PlanRef, version: number): NewDomainEvent<'plan.revised'> => ({
  type: 'plan.revised',
  ...onPlan(plan),
  payload: { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id, version },
});

export const stepsChanged = (plan: PlanRef, ids: string[]): NewDomainEvent<'plan.steps_changed'> => ({
  type: 'plan.steps_changed',
  ...onPlan(plan),
  payload: { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id, overdueStepIds: ids },
});

/** Records the events in the plans outbox, within the change's transaction. */
export const recordPlanEvents = (tx: EntityManager, events: readonly NewDomainEvent[]) => recordEvents(tx, PLANS_SCHEMA, events);

/**
 * Runs `work` (a change to `plan`'s contents) and records `plan.steps_changed`
 * when it changed the client's overdue steps on `today`.
 */
export async function watchingOverdueSteps<T>(tx: EntityManager, plan: PlanRef, today: string, work: () => Promise<T>): Promise<T> {
  const before = await overdueStepIds(tx, plan.clientId, today);
  const result = await work();
  const after = await overdueStepIds(tx, plan.clientId, today);
  if (before.join() !== after.join()) await recordPlanEvents(tx, [stepsChanged(plan, after)]);
  return result;
}
