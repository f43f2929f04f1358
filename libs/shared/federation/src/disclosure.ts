/**
 * Disclosure control for outcome figures, shared by every subgraph that
 * publishes them (case closures, referral outcomes, goal attainment).
 *
 * Three rules close the ways a suppressed figure could be worked out from
 * published ones:
 *
 * - **Whole calendar months.** A period runs from the first day of a month
 *   to the last day of a month. Two periods that differ by a day would give
 *   figures whose difference is that day's people; months are the finest
 *   grain any figure has.
 * - **Complementary suppression.** Where a total stands beside its cells (a
 *   month's total beside its terms, a term's total over the period beside its
 *   months…), a line of cells and its total has either no suppressed entry or
 *   at least two, so no suppressed cell is the total minus the others. The
 *   smallest other cell (fewest people; on a tie, the first given) goes with
 *   a lone suppressed one.
 * - **A month is the same in every period.** A month's figures are decided
 *   within that month, and a figure over several months is hidden when one
 *   of its months is (`suppressOverMonths`), so that January–March less
 *   January–February is never a hidden March.
 *
 * All are pure: the services count people in SQL and hand the counts here.
 */
import { badInput } from '@caseflow/core';

/** Cells counting fewer people than this are suppressed in every outcome figure. */
export const SUPPRESSION_THRESHOLD = 11;

// ── Whole-month periods ──────────────────────────────────────────────────────

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const m = DATE.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether a calendar date (YYYY-MM-DD) is the first day of its month. */
export function isFirstOfMonth(date: string): boolean {
  const p = parts(date);
  return p !== null && p[2] === 1;
}

/** Whether a calendar date (YYYY-MM-DD) is the last day of its month. */
export function isLastOfMonth(date: string): boolean {
  const p = parts(date);
  return p !== null && p[2] === daysInMonth(p[0], p[1]);
}

/**
 * Validates an outcome period: whole calendar months (`from` the first day of
 * a month, `to` the last day of a month), `from` not after `to`, at most ten
 * years. Anything else is BAD_USER_INPUT naming the field (`period.from`,
 * `period.to`).
 */
export function checkPeriod(period: { from: string; to: string }, field = 'period'): { from: string; to: string } {
  if (!isFirstOfMonth(period.from))
    throw badInput(`${field}.from`, 'must be the first day of a month (outcome periods are whole calendar months)');
  if (!isLastOfMonth(period.to))
    throw badInput(`${field}.to`, 'must be the last day of a month (outcome periods are whole calendar months)');
  if (period.from > period.to) throw badInput(`${field}.from`, `must not be after ${field}.to`);
  const years = (Date.parse(period.to) - Date.parse(period.from)) / (365.25 * 86_400_000);
  if (years > 10) throw badInput(field, 'must span at most ten years');
  return { from: period.from, to: period.to };
}

/** Every month (YYYY-MM) of a period from..to (calendar dates, inclusive), in order. */
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

// ── Complementary suppression ────────────────────────────────────────────────

/**
 * One figure of a table of counts: its coordinates on each dimension
 * (`undefined` on a dimension it adds up over, i.e. a total), and the number
 * of distinct people behind it. A genuine "none" value on a dimension (a
 * service with no taxonomy term) is a coordinate like any other, e.g. `''`.
 */
export interface Figure<D extends string = string> {
  key: Partial<Record<D, string>>;
  people: number;
}

export interface SuppressionOptions {
  /**
   * Each month's grand total (over every other dimension) is public knowledge,
   * so a month's figures are one more line: never a single suppressed cell
   * among them.
   */
  grandTotalKnown?: boolean;
}

interface Line {
  /** Indices of the figures of the line, the total (when present) excluded. */
  cells: number[];
  total: number | undefined;
}

/**
 * A place in the table as one string, from its coordinates in the order of the dimensions (coordinates are ids,
 * months or '', never control characters); `over`, when given, is the index of a dimension to add up over (the place
 * of the total a figure counts in).
 */
function placeOf(values: ReadonlyArray<string | undefined>, over = -1): string {
  let text = '';
  for (let k = 0; k < values.length; k += 1) text += `${k === over ? '\u0000' : (values[k] ?? '\u0000')}\u0001`;
  return text;
}

/**
 * Every line of the table: the figures that differ on one dimension only, with the total over that dimension, in the
 * order their first cell comes in the table. A table can hold tens of thousands of figures (months × organizations ×
 * terms, with every total), so a place is one number, not a string: each coordinate numbered per dimension (0 for
 * "added up over"), the numbers of a place read as the digits of one number.
 */
function linesOf<D extends string>(figures: readonly Figure<D>[], dimensions: readonly D[]): Line[] {
  const numbering = dimensions.map(() => new Map<string, number>());
  const digits = figures.map((figure) =>
    dimensions.map((d, k) => {
      const value = figure.key[d];
      if (value === undefined) return 0;
      let n = numbering[k].get(value);
      if (n === undefined) {
        n = numbering[k].size + 1;
        numbering[k].set(value, n);
      }
      return n;
    }),
  );
  const weights: number[] = [];
  let places = 1;
  for (let k = dimensions.length - 1; k >= 0; k -= 1) {
    weights[k] = places;
    places *= numbering[k].size + 1;
  }
  // A place and a line (a total's place and the dimension added up over) are numbers while those stay exact; text else.
  const exact = places * dimensions.length <= Number.MAX_SAFE_INTEGER;
  const placeKey = (n: readonly number[], over = -1): number | string =>
    exact
      ? n.reduce((sum, digit, k) => (k === over ? sum : sum + digit * weights[k]), 0)
      : n.map((digit, k) => (k === over ? 0 : digit)).join(',');
  const byPlace = new Map(digits.map((n, i) => [placeKey(n), i]));
  const lines = new Map<number | string, Line>();
  digits.forEach((n, i) => {
    for (let k = 0; k < n.length; k += 1) {
      if (n[k] === 0) continue;
      const total = placeKey(n, k);
      const id = exact ? (total as number) * dimensions.length + k : `${k}|${total}`;
      let line = lines.get(id);
      if (!line) {
        line = { cells: [], total: byPlace.get(total) };
        lines.set(id, line);
      }
      line.cells.push(i);
    }
  });
  return [...lines.values()];
}

/**
 * Which figures of a table are suppressed, by index.
 *
 * Primary suppression: a figure behind fewer than 11 people (zero included).
 * Complementary suppression: every line — the figures that differ on one
 * dimension only, with their total over that dimension when the table has it
 * — ends with no suppressed entry or at least two. A line with exactly one
 * loses one more: its smallest non-suppressed cell (fewest people; on a tie,
 * the one given first), or its total when no other cell is left. Suppressing
 * it may leave another line with a single suppressed entry, so lines are
 * checked again until none changes. Lines without their total are checked
 * too: a total can be known from elsewhere (an annual report, another
 * grouping of the same figures).
 *
 * Give it the whole table — every cell and every total of every grouping the
 * report offers — and publish from the result whichever grouping was asked
 * for: a figure is then suppressed the same way in every answer, so two
 * groupings cannot be set against each other. The result depends only on the
 * figures and their order.
 */
export function suppressFigures<D extends string>(
  figures: readonly Figure<D>[],
  dimensions: readonly D[],
  alsoHidden: readonly boolean[] = [],
  options: SuppressionOptions = {},
): boolean[] {
  const suppressed = figures.map((f, i) => f.people < SUPPRESSION_THRESHOLD || alsoHidden[i] === true);
  const lines = linesOf(figures, dimensions);
  // The grand total is known from elsewhere (e.g. an agency's closures in a month): the whole table is a line too.
  if (options.grandTotalKnown && figures.length > 1) lines.push({ cells: figures.map((_, i) => i), total: undefined });
  // The lines each figure is an entry of (a cell or the total): the only ones its suppression can change.
  const linesOfFigure: number[][] = figures.map(() => []);
  lines.forEach((line, l) => {
    for (const i of line.cells) linesOfFigure[i].push(l);
    if (line.total !== undefined) linesOfFigure[line.total].push(l);
  });
  // A line is looked at again only once one of its entries has been suppressed since it was last looked at: a line
  // whose entries did not change would change nothing, so each pass suppresses what looking at every line would.
  const stale = lines.map(() => true);
  for (let changed = true; changed;) {
    changed = false;
    for (let l = 0; l < lines.length; l += 1) {
      if (!stale[l]) continue;
      stale[l] = false;
      const line = lines[l];
      let hidden = line.total !== undefined && suppressed[line.total] ? 1 : 0;
      for (const i of line.cells) if (suppressed[i] && ++hidden > 1) break;
      if (hidden !== 1) continue;
      let pick: number | undefined;
      for (const i of line.cells) if (!suppressed[i] && (pick === undefined || figures[i].people < figures[pick].people)) pick = i;
      pick ??= line.total;
      if (pick === undefined || suppressed[pick]) continue;
      suppressed[pick] = true;
      for (const other of linesOfFigure[pick]) stale[other] = true;
      changed = true;
    }
  }
  return suppressed;
}

/**
 * Which figures of a table with a month dimension are suppressed, by index.
 *
 * Months are asked for in overlapping periods (January–March, then
 * January–February), so a figure's suppression must not depend on the
 * period it was asked in, and a figure over several months must not be the
 * difference that reveals one of them:
 *
 * - A figure of one month is decided within that month alone: primary
 *   suppression, then complementary suppression along the other dimensions
 *   (never along the months, which a shorter period would show again).
 * - A figure over the whole period (no month) is suppressed when it counts
 *   fewer than 11 people, or when any of its months (the same coordinates
 *   with a month) is suppressed and not empty — else that month would be
 *   this figure minus a shorter period's. Then complementary suppression
 *   along the other dimensions.
 *
 * An empty month hides nobody; every other month behind a period figure is
 * shown, so the period figure adds nothing a reader could not add up.
 */
export function suppressOverMonths<D extends string>(
  figures: readonly Figure<D>[],
  dimensions: readonly D[],
  month: D,
  options: SuppressionOptions = {},
): boolean[] {
  const others = dimensions.filter((d) => d !== month);
  const monthly = figures.flatMap((f, i) => (f.key[month] === undefined ? [] : [i]));
  const overall = figures.flatMap((f, i) => (f.key[month] === undefined ? [i] : []));
  const suppressed = figures.map(() => false);
  const byMonth = new Map<string, number[]>();
  for (const i of monthly) {
    const key = figures[i].key[month]!;
    const indices = byMonth.get(key);
    if (indices) indices.push(i);
    else byMonth.set(key, [i]);
  }
  for (const indices of byMonth.values()) {
    const hidden = suppressFigures(
      indices.map((i) => figures[i]),
      others,
      [],
      options,
    );
    indices.forEach((i, at) => (suppressed[i] = hidden[at]));
  }
  const monthAt = dimensions.indexOf(month);
  const rest = (f: Figure<D>) =>
    placeOf(
      dimensions.map((d) => f.key[d]),
      monthAt,
    );
  const hiddenMonths = new Set(monthly.filter((i) => suppressed[i] && figures[i].people > 0).map((i) => rest(figures[i])));
  const hidden = suppressFigures(
    overall.map((i) => figures[i]),
    others,
    overall.map((i) => hiddenMonths.has(rest(figures[i]))),
  );
  overall.forEach((i, at) => (suppressed[i] = hidden[at]));
  return suppressed;
}
