/**
 * The appointment rules the forms check before sending, as the clients
 * subgraph enforces them (PRODUCT.md "Appointments and the week"): the end
 * after the start, at most 8 hours, at most two years ahead, not more than
 * an hour in the past, a purpose, a reason for every change, and a partner
 * visit naming its referral. And which CONFLICT an answer is.
 */
import type { CombinedErrorLike } from '../api/errors';
import { codeOf } from '../api/errors';

const HOUR = 3_600_000;
export const MAX_LENGTH_MS = 8 * HOUR;
export const MAX_AHEAD_MS = 2 * 366 * 24 * HOUR;
export const MAX_PAST_MS = HOUR;

/** When an appointment is, as ISO instants (null when the form's value is not a date-time). */
export function timeErrors(startsAt: string | null, endsAt: string | null, now: Date = new Date()): { startsAt?: string; endsAt?: string } {
  if (!startsAt) return { startsAt: 'Enter when the appointment starts.', ...(endsAt ? {} : { endsAt: 'Enter when it ends.' }) };
  if (!endsAt) return { endsAt: 'Enter when it ends.' };
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  if (start < now.getTime() - MAX_PAST_MS) return { startsAt: 'The start cannot be more than an hour in the past.' };
  if (start > now.getTime() + MAX_AHEAD_MS) return { startsAt: 'Schedule at most two years ahead.' };
  if (end <= start) return { endsAt: 'The end must be after the start.' };
  if (end - start > MAX_LENGTH_MS) return { endsAt: 'An appointment lasts at most 8 hours.' };
  return {};
}

/** Attendance is recorded at or after the start. */
export function canRecordAttendance(appointment: { status: string; startsAt: string }, now: Date = new Date()): boolean {
  return appointment.status === 'SCHEDULED' && Date.parse(appointment.startsAt) <= now.getTime();
}

/**
 * Which CONFLICT an answer is. The gateway passes on only an error's `code`
 * and `field`: a stale version names the `expectedVersion` field; an
 * overlap names the other appointment in its message and no field (the
 * subgraph's own `appointmentId` when it is there); a CONFLICT naming
 * another field (a reused clientMutationId) is neither, and its message is
 * shown as it is.
 */
export function conflictOf(error: CombinedErrorLike | null | undefined): 'stale' | 'overlap' | null {
  const conflict = error?.graphQLErrors.find((e) => codeOf(e) === 'CONFLICT');
  if (!conflict) return null;
  const extensions = conflict.extensions ?? {};
  const field = typeof extensions.field === 'string' ? extensions.field : null;
  if (extensions.currentVersion !== undefined || (field && /(^|\.)expectedVersion$/.test(field))) return 'stale';
  if (extensions.appointmentId !== undefined || !field) return 'overlap';
  return null;
}

/** How long an appointment lasts, in minutes. */
export function durationMinutes(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
}
