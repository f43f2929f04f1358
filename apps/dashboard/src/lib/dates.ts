/**
 * Dates as the dashboard shows and sends them. Calendar dates are
 * 'YYYY-MM-DD' strings (the API's Date scalar); instants are ISO strings (its
 * DateTime). "Today" and day counts use the viewer's local calendar, which is
 * what a case manager means by "due today".
 */
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of an instant in local time. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function today(now: Date = new Date()): string {
  return localDate(now);
}

/** Whole calendar days from `now`'s date to `date` (negative when `date` is past). */
export function daysUntil(date: string, now: Date = new Date()): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  const from = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - from) / DAY_MS);
}

/** Days until an instant, by the viewer's calendar. */
export function daysUntilInstant(iso: string, now: Date = new Date()): number {
  return daysUntil(localDate(new Date(iso)), now);
}

/** "today", "tomorrow", "in 3 days", "yesterday", "5 days ago". */
export function relativeDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A calendar date for reading, e.g. "Nov 23, 2026" (no time-zone shift: it is a date, not an instant). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** The viewer's calendar day of an instant, for reading, e.g. "Nov 23, 2026" (a follow-up is a day, sent as 09:00 local). */
export function formatDayOf(iso: string | null | undefined): string {
  if (!iso) return '—';
  return formatDate(localDate(new Date(iso)));
}

/** An instant in the viewer's time zone, e.g. "Nov 23, 2026, 02:30 p.m.". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTimeFormat.format(new Date(iso));
}

/** The value of an `<input type="datetime-local">` for an instant (local time, minutes). */
export function toLocalInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The instant a `datetime-local` value means, as ISO; null when the value is not a date-time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** `date` plus `months` calendar months, as 'YYYY-MM-DD' (the day is kept within the month). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const at = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
  return at.toISOString().slice(0, 10);
}

/** 'YYYY-MM' → "Nov 2026". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-CA', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
