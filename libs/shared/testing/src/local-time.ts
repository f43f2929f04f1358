/**
 * Instants at a wall-clock time in a time zone, for tests of "today" in an
 * agency's zone (a step due today is not overdue at 23:30 local, and is at
 * 00:30 the next day). Built from the run's own day, never a literal date.
 */

import { atWallTime } from '@caseflow/core';

/** The instant the wall clock in `timeZone` shows `time` (`HH:MM`) on `day` (`YYYY-MM-DD`); not for the hour a DST change skips. */
export function atLocalTime(day: string, time: string, timeZone: string): Date {
  return atWallTime(day, time, timeZone);
}
