import { type Figure, monthsOf, type OutcomeCount, suppressOverMonths } from '@caseflow/federation';
import type { GoalTerm } from '../goal/goal.entity';
import type { GoalAttainmentCell, GoalAttainmentGrouping } from './attainment.type';

/**
 * Goals counted in one group: per term and month, or a total over terms
 * (`term` null), over months (`month` null) or over both. A goal counts its
 * client among the people behind the group.
 */
export interface AttainmentRow {
  term: GoalTerm | null;
  /** YYYY-MM */
  month: string | null;
  goalsSet: number;
  goalsAchieved: number;
  /** Distinct clients behind the goals set. */
  setPeople: number;
  /** Distinct clients behind the goals achieved. */
  achievedPeople: number;
}

const TERMS: readonly GoalTerm[] = ['SHORT', 'MID', 'LONG'];

type Dimension = 'term' | 'month';
interface Group {
  term: GoalTerm | null;
  month: string | null;
}

/** Every group of the report: each month and term, each month, each term and the whole period, months in order, terms SHORT, MID, LONG. */
function groupsOf(months: readonly string[]): Group[] {
  const withTotal = <T>(values: readonly T[]) => [...values, null];
  return withTotal(months).flatMap((month) => withTotal(TERMS).map((term) => ({ term, month })));
}

const sameGroup = (a: Group, b: Group) => a.term === b.term && a.month === b.month;

/**
 * The cells of a goal-attainment report: one per month and term (or per
 * month, per term, or a single total, as grouped), every combination present
 * even when empty, months in order and terms SHORT, MID, LONG. A count is the
 * number of goals; it is suppressed when fewer than 11 distinct people are
 * behind it (zero included), whatever the number of goals, and by
 * complementary suppression over the whole month × term table with its
 * totals (see `suppressOverMonths`): a month is decided alike in every
 * period, a figure over the period is hidden when one of its months is, and
 * every grouping of the same period suppresses a figure alike.
 */
export function attainmentCells(
  rows: readonly AttainmentRow[],
  from: string,
  to: string,
  grouping: ReadonlySet<GoalAttainmentGrouping>,
): GoalAttainmentCell[] {
  const groups = groupsOf(monthsOf(from, to));
  const found = groups.map((g) => rows.find((r) => sameGroup(r, g)));
  const figures = (people: (r: AttainmentRow) => number): Figure<Dimension>[] =>
    groups.map((g, i) => ({ key: { term: g.term ?? undefined, month: g.month ?? undefined }, people: found[i] ? people(found[i]) : 0 }));
  const setHidden = suppressOverMonths(
    figures((r) => r.setPeople),
    ['term', 'month'],
    'month',
  );
  const achievedHidden = suppressOverMonths(
    figures((r) => r.achievedPeople),
    ['term', 'month'],
    'month',
  );
  const count = (n: number, hidden: boolean): OutcomeCount =>
    hidden ? { count: null, suppressed: true } : { count: n, suppressed: false };
  const asked = (g: Group) => (g.month !== null) === grouping.has('MONTH') && (g.term !== null) === grouping.has('TERM');
  return groups.flatMap((g, i) =>
    asked(g)
      ? [
          {
            term: g.term,
            month: g.month,
            goalsSet: count(found[i]?.goalsSet ?? 0, setHidden[i]),
            goalsAchieved: count(found[i]?.goalsAchieved ?? 0, achievedHidden[i]),
          },
        ]
      : [],
  );
}
