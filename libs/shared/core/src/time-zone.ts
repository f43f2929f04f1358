/**
 * The agency's time zone decides "today": a step due today is not overdue
 * until midnight where the agency works, not at midnight UTC. Time zones are
 * IANA names (America/Vancouver), resolved by the runtime's own time-zone
 * data (Intl).
 */

/** The time zone used for an agency that has not set one. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** True for an IANA time zone name the runtime knows (`America/Vancouver`, `UTC`); false for offsets, abbreviations and anything else. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) || /^(GMT|UTC)[+-]/i.test(name)) return false;
  try {
    // Area/Location names (and UTC) only: abbreviations such as PST are not places.
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name === 'UTC' || name.includes('/');
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function localDay(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** `day` (`YYYY-MM-DD`) moved by `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at `instant` (ms; negative west of Greenwich). */
function offsetMs(instant: Date, timeZone: string): number {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant the wall clock in `timeZone` shows `time` (`HH:MM`) on `day`
 * (`YYYY-MM-DD`); for a time the clocks skip, the first moment after it.
 */
export function atWallTime(day: string, time: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  // Corrected twice: the offset at a first guess may differ from the offset at the wall time on a day the clocks change.
  let at = wall - offsetMs(new Date(wall), timeZone);
  at = wall - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

/** The instant the local day of `instant` began in `timeZone` (its midnight, or the first moment after it when the clocks skip midnight). */
export function startOfLocalDay(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): Date {
  return atWallTime(localDay(instant, timeZone), '00:00', timeZone);
}
