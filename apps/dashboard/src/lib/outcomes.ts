/**
 * The analyst's figures as tables and chart series. A suppressed count (fewer
 * than 11 people) is never summed, estimated or drawn as zero: it stays
 * "suppressed" in the table, the chart and the CSV.
 */
import { type AssessmentDomain, AssessmentDomainValues, type ClosureOutcome, type GoalTerm } from '../graphql/generated';
import type { CsvCell } from './csv';
import { formatMonth, localDate } from './dates';
import { label } from './labels';

export interface Count {
  count: number | null;
  suppressed: boolean;
}

export interface Period {
  from: string;
  to: string;
}

export const SUPPRESSED_TEXT = 'suppressed';

/** A period as the analyst picks it: a first and a last month, 'YYYY-MM'. */
export interface MonthRange {
  fromMonth: string;
  toMonth: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The period of whole calendar months from the first day of `fromMonth` to
 * the last day of `toMonth`. Outcome figures are only asked for whole
 * months (the API refuses anything else), so that two periods a day apart
 * cannot be set against each other.
 */
export function periodOf(range: MonthRange): Period {
  const [y, m] = range.toMonth.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${range.fromMonth}-01`, to: `${range.toMonth}-${String(lastDay).padStart(2, '0')}` };
}

/** The twelve months up to and including this one. */
export function defaultMonths(now: Date = new Date()): MonthRange {
  const month = (d: Date) => localDate(d).slice(0, 7);
  return { fromMonth: month(new Date(now.getFullYear(), now.getMonth() - 11, 1)), toMonth: month(now) };
}

/** The twelve whole months up to and including this one. */
export function defaultPeriod(now: Date = new Date()): Period {
  return periodOf(defaultMonths(now));
}

/** What is wrong with a range of months, or null. */
export function monthsProblem(range: MonthRange): { field: 'from' | 'to'; message: string } | null {
  const from = MONTH.exec(range.fromMonth);
  if (!from) return { field: 'from', message: 'Enter the first month of the period (YYYY-MM).' };
  const to = MONTH.exec(range.toMonth);
  if (!to) return { field: 'to', message: 'Enter the last month of the period (YYYY-MM).' };
  if (range.fromMonth > range.toMonth) return { field: 'to', message: 'The last month must not be before the first.' };
  const span = (Number(to[1]) - Number(from[1])) * 12 + Number(to[2]) - Number(from[2]) + 1;
  if (span > 120) return { field: 'from', message: 'Choose a period of at most ten years.' };
  return null;
}

/** 'YYYY-MM' of every month the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = period.from.split('-').map(Number);
  const [ty, tm] = period.to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export function countText(c: Count | null | undefined): string {
  if (!c) return '0';
  return c.suppressed || c.count === null ? SUPPRESSED_TEXT : String(c.count);
}

function countCell(c: Count | null | undefined): CsvCell {
  if (!c) return 0;
  return c.suppressed || c.count === null ? SUPPRESSED_TEXT : c.count;
}

export function percentText(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

// ── Referral completion by month ────────────────────────────────────────────

export interface ReferralCell {
  month: string | null;
  sent: Count;
  accepted: Count;
  completed: Count;
  completionRate: number | null;
  medianDaysToResponse: number | null;
}

export interface CompletionRow {
  month: string;
  cell: ReferralCell | null;
}

/** One row per month of the period; a month with no referral sent has no cell. */
export function completionRows(cells: ReferralCell[], period: Period): CompletionRow[] {
  const byMonth = new Map(cells.filter((c) => c.month).map((c) => [c.month as string, c]));
  return monthsOf(period).map((month) => ({ month, cell: byMonth.get(month) ?? null }));
}

export const COMPLETION_HEADER = ['month', 'sent', 'accepted', 'completed', 'completion_rate', 'median_days_to_response'];

export function completionCsv(rows: CompletionRow[]): CsvCell[][] {
  return rows.map(({ month, cell }) => [
    month,
    countCell(cell?.sent),
    countCell(cell?.accepted),
    countCell(cell?.completed),
    cell ? (cell.completionRate ?? (cell.sent.suppressed || cell.completed.suppressed ? SUPPRESSED_TEXT : '')) : '',
    cell?.medianDaysToResponse ?? '',
  ]);
}

// ── Goal attainment by term ──────────────────────────────────────────────────

export interface GoalCell {
  term: GoalTerm | null;
  goalsSet: Count;
  goalsAchieved: Count;
}

export interface AttainmentRow {
  term: GoalTerm;
  set: Count;
  achieved: Count;
  rate: number | null;
}

const TERMS: GoalTerm[] = ['SHORT', 'MID', 'LONG'];

export function attainmentRows(cells: GoalCell[]): AttainmentRow[] {
  return TERMS.map((term) => {
    const cell = cells.find((c) => c.term === term);
    const set = cell?.goalsSet ?? { count: 0, suppressed: false };
    const achieved = cell?.goalsAchieved ?? { count: 0, suppressed: false };
    const rate = !set.suppressed && !achieved.suppressed && set.count && achieved.count !== null ? achieved.count / set.count : null;
    return { term, set, achieved, rate };
  });
}

export const ATTAINMENT_HEADER = ['term', 'goals_set', 'goals_achieved', 'attainment_rate'];

export function attainmentCsv(rows: AttainmentRow[]): CsvCell[][] {
  return rows.map((r) => [
    r.term,
    countCell(r.set),
    countCell(r.achieved),
    r.rate === null ? (r.set.suppressed || r.achieved.suppressed ? SUPPRESSED_TEXT : '') : Number(r.rate.toFixed(4)),
  ]);
}

// ── Closures by outcome (outcome × month) ────────────────────────────────────

export interface ClosureCell {
  outcome: ClosureOutcome;
  program: string | null;
  month: string | null;
  closed: Count;
}

export interface ClosureRow {
  key: string;
  label: string;
  outcome: ClosureOutcome;
  program: string | null;
  /** By month of the period: the cell's count, or null when nobody closed with this outcome then. */
  months: Array<Count | null>;
}

/** One row per outcome (and program, when there are several), one column per month. */
export function closureMatrix(cells: ClosureCell[], period: Period): { months: string[]; rows: ClosureRow[] } {
  const months = monthsOf(period);
  const programs = new Set(cells.map((c) => c.program ?? ''));
  const rows = new Map<string, ClosureRow>();
  for (const cell of cells) {
    const key = `${cell.outcome}|${cell.program ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      const name = label(cell.outcome);
      row = {
        key,
        outcome: cell.outcome,
        program: cell.program,
        label: programs.size > 1 && cell.program ? `${name} — ${cell.program}` : name,
        months: months.map(() => null),
      };
      rows.set(key, row);
    }
    const at = cell.month ? months.indexOf(cell.month) : -1;
    if (at >= 0) row.months[at] = cell.closed;
  }
  return { months, rows: [...rows.values()].sort((a, b) => a.label.localeCompare(b.label)) };
}

export function closureCsv(matrix: { months: string[]; rows: ClosureRow[] }): { header: string[]; rows: CsvCell[][] } {
  return {
    header: ['outcome', 'program', ...matrix.months],
    rows: matrix.rows.map((r) => [r.outcome, r.program ?? '', ...r.months.map((c) => countCell(c))]),
  };
}

export function monthLabel(month: string): string {
  return formatMonth(month);
}

// ── Distance travelled by domain ────────────────────────────────────────────

export interface DistanceCell {
  domain: AssessmentDomain;
  clients: Count;
  barrierToAsset: Count;
  assetToBarrier: Count;
}

export interface DistanceRow extends DistanceCell {
  /** Barrier → asset as a share of the domain's clients, or null when either is suppressed (or nobody). */
  resolvedRate: number | null;
}

/**
 * One row per domain the API answers, in the checklist's order. A rate is
 * only worked out from two shown counts: a suppressed one is never taken as 0.
 */
export function distanceRows(cells: DistanceCell[]): DistanceRow[] {
  const order = (d: AssessmentDomain) => AssessmentDomainValues.indexOf(d);
  return [...cells]
    .sort((a, b) => order(a.domain) - order(b.domain))
    .map((c) => ({
      ...c,
      resolvedRate:
        !c.clients.suppressed && !c.barrierToAsset.suppressed && c.clients.count && c.barrierToAsset.count !== null
          ? c.barrierToAsset.count / c.clients.count
          : null,
    }));
}

export const DISTANCE_HEADER = ['domain', 'clients', 'barrier_to_asset', 'asset_to_barrier', 'barrier_to_asset_rate'];

export function distanceCsv(rows: DistanceRow[]): CsvCell[][] {
  return rows.map((r) => [
    r.domain,
    countCell(r.clients),
    countCell(r.barrierToAsset),
    countCell(r.assetToBarrier),
    r.resolvedRate === null
      ? r.clients.suppressed || r.barrierToAsset.suppressed
        ? SUPPRESSED_TEXT
        : ''
      : Number(r.resolvedRate.toFixed(4)),
  ]);
}
