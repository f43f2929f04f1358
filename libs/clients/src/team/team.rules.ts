/**
 * The case team's rules, pure. A member works the case through the whole
 * `until` day in the agency's time zone and loses access at the start of the
 * next (team.sql.ts CURRENT_MEMBER is the same rule in SQL); `until` is
 * today or later and at most two years ahead, so that a long absence is
 * reviewed rather than forgotten.
 */
import type { Role } from '@caseflow/auth';
import { addDays, checkDate } from '@caseflow/core';

/** The staff roles that may be on a case team: those who work cases. */
export const TEAM_STAFF_ROLES: readonly Role[] = ['CASE_MANAGER', 'SUPERVISOR'];

export const UNTIL_MAX_DAYS = 730;

/** `until`, checked against the agency's `today`: null when not given. */
export function checkUntil(field: string, until: string | null | undefined, today: string): string | null {
  if (until === null || until === undefined) return null;
  return checkDate(until, field, { min: today, max: addDays(today, UNTIL_MAX_DAYS), meaning: 'between today and two years ahead' });
}

/** True while a not-removed member with this `until` has access on the agency's `today`. */
export function isCurrent(until: string | null, today: string): boolean {
  return until === null || until >= today;
}
