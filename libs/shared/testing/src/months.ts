/**
 * Outcome periods for tests: whole calendar months (UTC) counted from the
 * run's today, never fixed dates, so that a suite passes on any day.
 */
export interface MonthPeriod {
  from: string;
  to: string;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the month `offset` months from now's (0: this month, -1: last month). */
export function monthStart(offset = 0, now: Date = new Date()): string {
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)));
}

/** The last day of the month `offset` months from now's. */
export function monthEnd(offset = 0, now: Date = new Date()): string {
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 0)));
}

/** Whole months from `first` to `last` (offsets from this month, inclusive): `months(-11, 0)` is the twelve months up to this one. */
export function months(first: number, last: number, now: Date = new Date()): MonthPeriod {
  return { from: monthStart(first, now), to: monthEnd(last, now) };
}
