import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { forbidden } from '@caseflow/core';
import { checkPeriod, type DateRangeInput } from '@caseflow/federation';
import type { GoalTerm } from '../goal/goal.entity';
import { type AttainmentRow, attainmentCells } from './attainment.rules';
import type { GoalAttainmentCell, GoalAttainmentGrouping } from './attainment.type';

const DEFAULT_GROUPING: readonly GoalAttainmentGrouping[] = ['TERM', 'MONTH'];

/**
 * Goal attainment for funders: goals set in the period (by the month they
 * became part of an agreed plan) and how many of those were achieved, for the
 * caller's own agency. Analysts and supervisors only; never a person's
 * identity: periods are whole calendar months, and a cell is suppressed when
 * fewer than 11 people (not goals) are behind it, or to protect another
 * (complementary suppression; see attainment.rules.ts).
 */
export class AttainmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async cells(actor: Actor, period: DateRangeInput, groupBy?: GoalAttainmentGrouping[] | null): Promise<GoalAttainmentCell[]> {
    if (actor.role !== 'ANALYST' && actor.role !== 'SUPERVISOR') {
      this.audit.note({ action: 'SEARCH', entityType: 'GoalAttainment', outcome: 'DENIED', detail: `role ${actor.role}` });
      throw forbidden('Only analysts and supervisors read goal attainment');
    }
    const { from, to } = checkPeriod(period);
    const grouping = new Set(groupBy ?? DEFAULT_GROUPING);
    // Every group at once (CUBE: month and term, month, term, the whole period), for complementary suppression.
    const rows: Array<{
      term: GoalTerm | null;
      month: string | null;
      goals_set: number;
      goals_achieved: number;
      set_people: number;
      achieved_people: number;
    }> = await this.dataSource.query(
      `SELECT term, month, count(*)::int AS goals_set, count(*) FILTER (WHERE achieved)::int AS goals_achieved,
                count(DISTINCT client_id)::int AS set_people, count(DISTINCT client_id) FILTER (WHERE achieved)::int AS achieved_people
           FROM (SELECT g.term, to_char(g.set_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, g.status = 'ACHIEVED' AS achieved, p.client_id
                   FROM plans.goal g JOIN plans.action_plan p ON p.id = g.plan_id
                  WHERE p.organization_id = $1 AND g.status <> 'CANCELLED'
                    AND g.set_at >= ($2::date)::timestamp AT TIME ZONE 'UTC'
                    AND g.set_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC') goal
          GROUP BY CUBE (term, month)`,
      [actor.organizationId, from, to],
    );
    this.audit.note({ action: 'SEARCH', entityType: 'GoalAttainment', detail: `grouped by ${[...grouping].join(', ') || 'nothing'}` });
    const counts: AttainmentRow[] = rows.map((r) => ({
      term: r.term,
      month: r.month,
      goalsSet: r.goals_set,
      goalsAchieved: r.goals_achieved,
      setPeople: r.set_people,
      achievedPeople: r.achieved_people,
    }));
    return attainmentCells(counts, from, to, grouping);
  }
}
