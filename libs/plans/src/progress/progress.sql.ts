/**
 * The counts behind the progress of many plans, in ONE statement: cancelled
 * goals leave the totals with their steps, cancelled steps leave the step
 * total, and a step is overdue when its due date is before `today`, it is
 * neither COMPLETE nor CANCELLED, and it belongs to an OPEN goal of a draft
 * or active plan.
 */
import { preparedRead } from '@caseflow/db';

/**
 * The progress counts of the plan `p` over its goals `g` and their steps `s`
 * (`$2` the request's date): the rule, written once for every statement
 * that reports progress.
 */
export const PROGRESS_COUNTS = `count(DISTINCT g.id) FILTER (WHERE g.status <> 'CANCELLED')::int AS goals_total,
       count(DISTINCT g.id) FILTER (WHERE g.status = 'ACHIEVED')::int AS goals_achieved,
       count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome <> 'CANCELLED')::int AS steps_total,
       count(s.id) FILTER (WHERE g.status <> 'CANCELLED' AND s.outcome = 'COMPLETE')::int AS steps_complete,
       count(s.id) FILTER (WHERE p.status IN ('DRAFT', 'ACTIVE') AND g.status = 'OPEN' AND s.due_date < $2::date
                             AND s.outcome NOT IN ('COMPLETE', 'CANCELLED'))::int AS overdue_steps`;

const PROGRESS_SQL = `SELECT p.id AS plan_id, ${PROGRESS_COUNTS}
  FROM plans.action_plan p
  LEFT JOIN plans.goal g ON g.plan_id = p.id
  LEFT JOIN plans.plan_task t ON t.goal_id = g.id
  LEFT JOIN plans.plan_step s ON s.task_id = t.id
 WHERE p.id = ANY($1::uuid[])
 GROUP BY p.id`;

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
