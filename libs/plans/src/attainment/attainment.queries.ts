import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { forbidden } from '@caseflow/core';
import { checkPeriod, type DateRangeInput } from '@caseflow/federation';
import { toAttainmentRow } from './attainment.mapper';
import { attainmentCells } from './attainment.rules';
import { attainmentCounts } from './attainment.sql';
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
    const rows = await attainmentCounts(this.dataSource.manager, { organizationId: actor.organizationId, from, to });
    this.audit.note({ action: 'SEARCH', entityType: 'GoalAttainment', detail: `grouped by ${[...grouping].join(', ') || 'nothing'}` });
    return attainmentCells(rows.map(toAttainmentRow), from, to, grouping);
  }
}
