/**
 * The case's life: which status each action may start from, and where it
 * leads. Pure; a refusal is INVALID_TRANSITION.
 *
 * | action                 | from                      | to |
 * | ---------------------- | ------------------------- | -- |
 * | openClient             | (new)                     | INTAKE |
 * | activateClient         | INTAKE (latest determination eligible), ON_HOLD | ACTIVE |
 * | closeCase              | INTAKE, ACTIVE, ON_HOLD   | CLOSED |
 * | reopenCase             | CLOSED                    | the status before closing; INTAKE without a latest eligible determination |
 * | determineEligibility, scheduleFollowUp | not CLOSED | (unchanged) |
 */
import { invalidTransition } from '@caseflow/core';
import type { ClientStatus } from './client.entity';

export const CASE_TRANSITIONS: Record<'activate' | 'close' | 'reopen', { from: readonly ClientStatus[] }> = {
  activate: { from: ['INTAKE', 'ON_HOLD'] },
  close: { from: ['INTAKE', 'ACTIVE', 'ON_HOLD'] },
  reopen: { from: ['CLOSED'] },
};

/** `INTAKE → ACTIVE` needs a latest determination that is eligible; `ON_HOLD → ACTIVE` resumes a case. */
export function checkActivation(status: ClientStatus, latestEligibility: { eligible: boolean } | null): void {
  if (!CASE_TRANSITIONS.activate.from.includes(status)) {
    throw invalidTransition(`A ${status} client cannot be activated`, { from: status, to: 'ACTIVE' });
  }
  if (status !== 'INTAKE') return;
  if (!latestEligibility) throw invalidTransition('Determine eligibility before activating the client', { from: 'INTAKE', to: 'ACTIVE' });
  if (!latestEligibility.eligible)
    throw invalidTransition('The client was determined not eligible for the program', { from: 'INTAKE', to: 'ACTIVE' });
}

export function checkClosing(status: ClientStatus): void {
  if (!CASE_TRANSITIONS.close.from.includes(status))
    throw invalidTransition('The case is already closed', { from: 'CLOSED', to: 'CLOSED' });
}

export function checkReopening(status: ClientStatus): void {
  if (!CASE_TRANSITIONS.reopen.from.includes(status))
    throw invalidTransition(`Only a closed case can be re-opened; this one is ${status}`, { from: status });
}

/** A change that needs an open case (eligibility, follow-up); `message` says what to do instead. */
export function checkNotClosed(status: ClientStatus, message: string): void {
  if (status === 'CLOSED') throw invalidTransition(message);
}

/**
 * Where a re-opened case returns: to the status it had when it was closed,
 * but never past intake without eligibility — a case whose latest
 * determination is not "eligible" (or that has none) goes back to INTAKE.
 */
export function reopenedStatus(latestEligibility: { eligible: boolean } | null, closedFrom: ClientStatus | null | undefined): ClientStatus {
  if (!latestEligibility?.eligible) return 'INTAKE';
  return closedFrom && closedFrom !== 'CLOSED' ? closedFrom : 'ACTIVE';
}
