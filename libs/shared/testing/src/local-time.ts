/**
 * Instants at a wall-clock time in a time zone, for tests of "today" in an
 * agency's zone (a step due today is not overdue at 23:30 local, and is at
 * 00:30 the next day). Built from the run's own day, never a literal date.
 */

/** The instant the wall clock in `timeZone` shows `time` (`HH:MM`) on `day` (`YYYY-MM-DD`); not for the hour a DST change skips. */
export function atLocalTime(day: string, time: string, timeZone: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const wall = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(guess);
  const part = (type: string) => wall.find((p) => p.type === type)?.value ?? '00';
  const wallAsUtc = Date.parse(`${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:00Z`);
  return new Date(guess.getTime() - (wallAsUtc - guess.getTime()));
}
