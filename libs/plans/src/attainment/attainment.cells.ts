import { outcomeCount } from '@caseflow/federation';
import type { GoalTerm } from '../goal/goal.entity';
import type { GoalAttainmentCell, GoalAttainmentGrouping } from './attainment.type';

export interface AttainmentRow {
  term: GoalTerm;
  /** YYYY-MM */
  month: string;
  goalsSet: number;
  goalsAchieved: number;
}

const TERMS: readonly GoalTerm[] = ['SHORT', 'MID', 'LONG'];

/** Every month (YYYY-MM) that a period from..to (calendar dates, inclusive) touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > last) return months;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The cells of a goal-attainment report: one per month and term (or per
 * month, per term, or a single total, as grouped), every combination present
 * even when empty, months in order and terms SHORT, MID, LONG. Each count
 * under 11 — zero included — is suppressed.
 */
export function attainmentCells(rows: readonly AttainmentRow[], from: string, to: string, grouping: ReadonlySet<GoalAttainmentGrouping>): GoalAttainmentCell[] {
  const months: Array<string | null> = grouping.has('MONTH') ? monthsOf(from, to) : [null];
  const terms: Array<GoalTerm | null> = grouping.has('TERM') ? [...TERMS] : [null];
  return months.flatMap((month) =>
    terms.map((term) => {
      const matching = rows.filter((r) => (month === null || r.month === month) && (term === null || r.term === term));
      const set = matching.reduce((n, r) => n + r.goalsSet, 0);
      const achieved = matching.reduce((n, r) => n + r.goalsAchieved, 0);
      return { term, month, goalsSet: outcomeCount(set), goalsAchieved: outcomeCount(achieved) };
    }),
  );
}
