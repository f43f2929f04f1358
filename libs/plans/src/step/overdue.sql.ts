/**
 * The overdue steps' statements: a client's overdue steps (for the events
 * that carry the client's whole set), and the overdue-steps job's read: steps past due somewhere on earth at `$1`
 * (due before the latest "today" any time zone has, UTC+14) and not yet told
 * about for their due date (`overdue_told_on` is another date, so the read
 * is on plan_step_overdue_untold_idx; the once-key, claimed when the event
 * is recorded, still decides whether it is told), under the rule of
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
   AND s.outcome NOT IN ('COMPLETE', 'CANCELLED') AND s.overdue_told_on IS DISTINCT FROM s.due_date
   AND g.status = 'OPEN' AND p.status IN ('DRAFT', 'ACTIVE')
 ORDER BY s.due_date, s.id
 LIMIT $2 OFFSET $3`;

/**
 * Marks the steps as told overdue for these due dates. A step whose due date
 * has moved since is left as it is, and so is one a writer holds (SKIP
 * LOCKED: the job never waits for a plan change, so never deadlocks with
 * one); either stays a candidate, and its once-key keeps it from being told
 * twice.
 */
const MARK_TOLD_SQL = `UPDATE plans.plan_step s SET overdue_told_on = t.due_on
  FROM (SELECT x.id, u.due_on
          FROM unnest($1::uuid[], $2::date[]) AS u(id, due_on)
          JOIN plans.plan_step x ON x.id = u.id AND x.due_date = u.due_on AND x.overdue_told_on IS DISTINCT FROM u.due_on
           FOR UPDATE OF x SKIP LOCKED) AS t
 WHERE s.id = t.id`;

export const markToldOverdue = (m: EntityManager, steps: ReadonlyArray<{ step_id: string; due_on: string }>) =>
  m.query(MARK_TOLD_SQL, [steps.map((s) => s.step_id), steps.map((s) => s.due_on)]);

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
