/**
 * The rules of an appointment's time and of its changes, pure: checked
 * before anything is read or written.
 */
import { badInput, conflict, invalidTransition } from '@caseflow/core';
import type { AppointmentStatus } from './appointment.entity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const MAX_LENGTH_MS = 8 * HOUR;
export const MAX_AHEAD_MS = 2 * 365 * DAY;
export const MAX_PAST_MS = HOUR;
/** The longest window `myAppointments` answers for. */
export const MAX_WINDOW_DAYS = 92;
/** How far back `recentNoShows` (and the caseload priority) looks. */
export const NO_SHOW_DAYS = 90;

/** When an appointment may be: ends after it starts, at most 8 hours long, at most two years ahead, at most an hour in the past. */
export function checkWhen(startsAt: Date, endsAt: Date, now = new Date(), field = 'input'): void {
  if (Number.isNaN(startsAt.getTime())) throw badInput(`${field}.startsAt`, 'must be an instant');
  if (Number.isNaN(endsAt.getTime())) throw badInput(`${field}.endsAt`, 'must be an instant');
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput(`${field}.endsAt`, 'must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > MAX_LENGTH_MS) throw badInput(`${field}.endsAt`, 'must be at most 8 hours after startsAt');
  if (startsAt.getTime() > now.getTime() + MAX_AHEAD_MS) throw badInput(`${field}.startsAt`, 'must be at most two years ahead');
  if (startsAt.getTime() < now.getTime() - MAX_PAST_MS) throw badInput(`${field}.startsAt`, 'must not be more than an hour in the past');
}

/** A `myAppointments` window: `to` after `from`, at most 92 days. */
export function checkWindow(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime())) throw badInput('from', 'must be an instant');
  if (Number.isNaN(to.getTime())) throw badInput('to', 'must be an instant');
  if (to.getTime() <= from.getTime()) throw badInput('to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) throw badInput('to', `must be at most ${MAX_WINDOW_DAYS} days after from`);
}

/** An optional window of `Client.appointments`: when both ends are given, `to` after `from`. */
export function checkOptionalWindow(from: Date | null, to: Date | null): void {
  if (from && Number.isNaN(from.getTime())) throw badInput('from', 'must be an instant');
  if (to && Number.isNaN(to.getTime())) throw badInput('to', 'must be an instant');
  if (from && to && to.getTime() <= from.getTime()) throw badInput('to', 'must be after from');
}

/** Optimistic concurrency: the change was decided on the version the caller read. */
export function checkVersion(current: number, expected: number): void {
  if (current !== expected)
    throw conflict(`The appointment changed since you read it (version ${current}, not ${expected}); read it again`, {
      field: 'expectedVersion',
    });
}

/** Only a SCHEDULED appointment is rescheduled, cancelled or attended. */
export function checkScheduled(status: AppointmentStatus, to: AppointmentStatus | 'RESCHEDULED'): void {
  if (status !== 'SCHEDULED')
    throw invalidTransition(`The appointment is already ${status.toLowerCase().replace('_', '-')}`, { from: status, to });
}

/**
 * Attendance is recorded at or after the start: before it, nobody knows yet
 * whether the client comes. Refused as INVALID_TRANSITION (the state machine
 * does not allow SCHEDULED → ATTENDED/NO_SHOW yet), not as bad input: the
 * arguments are right, the moment is not.
 */
export function checkAttendanceTime(startsAt: Date, outcome: AppointmentStatus, now = new Date()): void {
  if (now.getTime() < startsAt.getTime())
    throw invalidTransition('Attendance is recorded at or after the start of the appointment', { from: 'SCHEDULED', to: outcome });
}

/** Words an overlapping appointment for the CONFLICT that names it (no client data: the kind, the time and its id). */
export function overlapConflict(other: { id: string; kind: string; starts_at: Date; ends_at: Date }) {
  return conflict(
    `Overlaps the scheduled ${other.kind} appointment ${other.id} (${other.starts_at.toISOString()} to ${other.ends_at.toISOString()}); ` +
      'choose another time or allow the overlap',
    { appointmentId: other.id },
  );
}
