/**
 * Goal attainment's one statement: every group at once (CUBE: month and
 * term, month, term, the whole period), for complementary suppression.
 */
import type { EntityManager } from 'typeorm';
import type { GoalTerm } from '../goal/goal.entity';

const ATTAINMENT_SQL = `SELECT term, month, count(*)::int AS goals_set, count(*) FILTER (WHERE achieved)::int AS goals_achieved,
       count(DISTINCT client_id)::int AS set_people, count(DISTINCT client_id) FILTER (WHERE achieved)::int AS achieved_people
  FROM (SELECT g.term, to_char(g.set_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, g.status = 'ACHIEVED' AS achieved, p.client_id
          FROM plans.goal g JOIN plans.action_plan p ON p.id = g.plan_id
         WHERE p.organization_id = $1 AND g.status <> 'CANCELLED'
           AND g.set_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
           AND g.set_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC') goal
 GROUP BY CUBE (term, month)`;

export interface AttainmentParams {
  organizationId: string;
  /** First and last day of the period (whole months). */
  from: string;
  to: string;
}

/** One row per group: null `term` or `month` is a total over it. */
export interface AttainmentCountRow {
  term: GoalTerm | null;
  month: string | null;
  goals_set: number;
  goals_achieved: number;
  set_people: number;
  achieved_people: number;
}

export const attainmentCounts = (m: EntityManager, p: AttainmentParams) =>
  m.query<AttainmentCountRow[]>(ATTAINMENT_SQL, [p.organizationId, p.from, p.to]);
