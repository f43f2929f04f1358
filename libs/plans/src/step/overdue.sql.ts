/**
 * The overdue steps' statements: a client's overdue steps (for the events
 * that carry the client's whole set), and the overdue-steps job's read: steps past due somewhere on earth at `$1`
 * (due before the latest "today" any time zone has, UTC+14) and not yet told
 * about for their due date (no once-key in the outbox), under the rule of
 * an overdue step (plan.events.ts); the job keeps those past due in their
 * agency's time zone.
 */
import type { EntityManager } from 'typeorm';

export interface NewlyOverdueRow {
  step_id: string;
  due_on: string;
  plan_id: string;
  client_id: string;
  organization_id: string;
}

const NEWLY_OVERDUE_SQL = `SELECT s.id AS step_id, s.due_date::text AS due_on, p.id AS plan_id, p.client_id, p.organization_id
  FROM plans.plan_step s
  JOIN plans.plan_task t ON t.id = s.task_id
  JOIN plans.goal g ON g.id = t.goal_id
  JOIN plans.action_plan p ON p.id = g.plan_id
 WHERE s.due_date < ($1::timestamptz AT TIME ZONE 'UTC' + interval '14 hours')::date
   AND s.outcome NOT IN ('COMPLETE', 'CANCELLED') AND g.status = 'OPEN' AND p.status IN ('DRAFT', 'ACTIVE')
   AND NOT EXISTS (SELECT 1 FROM plans.outbox_once o WHERE o.once_key = 'plan.step_overdue:' || s.id || ':' || s.due_date::text)
 ORDER BY s.due_date, s.id
 LIMIT $2 OFFSET $3`;

/** At most `limit` steps overdue somewhere at `now` and not told about yet, past the first `offset`. */
export const newlyOverdueSteps = (m: EntityManager, now: Date, limit: number, offset: number) =>
  m.query<NewlyOverdueRow[]>(NEWLY_OVERDUE_SQL, [now, limit, offset]);

/**
 * The rule of an overdue step, over plans `p`, goals `g` and steps `s`: due
 * before the day `$2`, neither complete nor cancelled, of an OPEN goal of a
 * draft or active plan (the same rule as progress.sql.ts and isOverdue).
 */
const OVERDUE_STEPS_SQL = `SELECT p.client_id, s.id AS step_id, s.due_date::text AS due_on, p.id AS plan_id
  FROM plans.action_plan p
  JOIN plans.goal g ON g.plan_id = p.id
  JOIN plans.plan_task t ON t.goal_id = g.id
  JOIN plans.plan_step s ON s.task_id = t.id
 WHERE p.client_id = ANY($1::uuid[]) AND p.status IN ('DRAFT', 'ACTIVE') AND g.status = 'OPEN'
   AND s.due_date < $2::date AND s.outcome NOT IN ('COMPLETE', 'CANCELLED')
 ORDER BY p.client_id, s.id`;

export interface OverdueStepRow {
  client_id: string;
  step_id: string;
  due_on: string;
  plan_id: string;
}

/** The overdue steps of these clients on `before` (steps due before that day), by client then step. */
export const overdueStepsOf = (m: EntityManager, clientIds: string[], before: string) =>
  m.query<OverdueStepRow[]>(OVERDUE_STEPS_SQL, [clientIds, before]);
