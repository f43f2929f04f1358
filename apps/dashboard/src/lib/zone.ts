/**
 * Dates in the agency's time zone (`Organization.timeZone`, an IANA name;
 * the browser's when the agency has none): "today", the week from Monday to
 * Sunday, an appointment's day and time, and the `datetime-local` values of
 * forms. The API speaks instants (UTC); the dashboard shows the agency's
 * wall clock, as the server's idea of "today" does.
 */
const DAY_MS = 86_400_000;

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The agency's zone when it is a name this browser knows, else the browser's. */
export function agencyZone(timeZone: string | null | undefined): string {
  if (!timeZone) return browserZone();
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return timeZone;
  } catch {
    return browserZone();
  }
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, zone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant on the zone's calendar. */
export function dateInZone(at: Date, zone: string): string {
  const p = parts(at, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function todayInZone(zone: string, now: Date = new Date()): string {
  return dateInZone(now, zone);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offset(at: Date, zone: string): number {
  const p = parts(at, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time of the zone means (the later one when a clock change skips or repeats it). */
export function instantInZone(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offset(new Date(wall), zone);
  const second = wall - offset(new Date(first), zone);
  return new Date(second);
}

/** The first instant of a calendar day in the zone. */
export function startOfDay(date: string, zone: string): Date {
  return instantInZone(date, '00:00', zone);
}

/** `date` plus `days` calendar days, as 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The seven days of the week starting on `monday`. */
export function weekOf(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The instants a week covers, for `myAppointments(from, to)`. */
export function weekWindow(monday: string, zone: string): { from: string; to: string } {
  return { from: startOfDay(monday, zone).toISOString(), to: startOfDay(addDays(monday, 7), zone).toISOString() };
}

/** "Monday, Dec 7" for a calendar date. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-CA', { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "14:30" on the zone's clock. */
export function formatTime(iso: string, zone: string): string {
  const p = parts(new Date(iso), zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Dec 7, 2026, 14:30" on the zone's clock. */
export function formatDateTimeIn(iso: string, zone: string): string {
  const [y, m, d] = dateInZone(new Date(iso), zone).split('-').map(Number);
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return `${day}, ${formatTime(iso, zone)}`;
}

/** The `datetime-local` value of an instant on the zone's clock. */
export function toZoneInput(at: Date, zone: string): string {
  const p = parts(at, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant a `datetime-local` value means on the zone's clock, as ISO; null when it is not a date-time. */
export function fromZoneInput(value: string, zone: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  if (!match) return null;
  const at = instantInZone(match[1], match[2], zone);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** Whole calendar days on the zone's calendar from today to an instant's day (negative when past): "overdue" is by the agency's day. */
export function daysUntilIn(iso: string, zone: string, now: Date = new Date()): number {
  return Math.round((Date.parse(dateInZone(new Date(iso), zone)) - Date.parse(todayInZone(zone, now))) / DAY_MS);
}
