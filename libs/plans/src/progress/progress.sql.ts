/**
 * The progress of many plans, in ONE statement, from the counts the database
 * keeps for each plan (`plans.plan_progress`, migration PlanProgress1765497600103,
 * where the rule is written: cancelled goals leave the totals with their
 * steps, cancelled steps leave the step total). A step is overdue when its
 * due date is before `today`, it is neither COMPLETE nor CANCELLED, and it
 * belongs to an OPEN goal of a draft or active plan: the kept row holds the
 * due dates of the steps that may be, and the read counts those before its day.
 */
import { preparedRead } from '@caseflow/db';

/**
 * The progress columns of the plan `p` from its kept counts `pp` (none kept:
 * a plan that never had a goal, all zero), steps overdue against `$2` (the
 * request's date): written once for every statement that reports progress.
 */
export const PROGRESS_COLUMNS = `coalesce(pp.goals_total, 0) AS goals_total,
       coalesce(pp.goals_achieved, 0) AS goals_achieved,
       coalesce(pp.steps_total, 0) AS steps_total,
       coalesce(pp.steps_complete, 0) AS steps_complete,
       CASE WHEN p.status IN ('DRAFT', 'ACTIVE')
            THEN (SELECT count(*)::int FROM unnest(pp.open_due_dates) d WHERE d < $2::date) ELSE 0 END AS overdue_steps`;

const PROGRESS_SQL = `SELECT p.id AS plan_id, ${PROGRESS_COLUMNS}
  FROM plans.action_plan p
  LEFT JOIN plans.plan_progress pp ON pp.plan_id = p.id
 WHERE p.id = ANY($1::uuid[])`;

export interface ProgressRow {
  plan_id: string;
  goals_total: number;
  goals_achieved: number;
  steps_total: number;
  steps_complete: number;
  overdue_steps: number;
}

/** One row per plan found; `$1` the plans' ids, `$2` the request's calendar date (UTC), against which steps are overdue. */
export const progressOfPlans = preparedRead<ProgressRow, [readonly string[], string]>('plans.progress', PROGRESS_SQL);
