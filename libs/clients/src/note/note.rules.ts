import { badInput } from '@caseflow/core';

/**
 * Notes record contact around the case: one taken before the year before
 * the client's intake is a typing slip. (Not in the future is checked with
 * the other fields, before anything is read.)
 */
export function checkOccurredAfterIntake(occurredAt: Date, intakeDate: string): void {
  const earliest = `${Number(intakeDate.slice(0, 4)) - 1}-01-01`;
  if (occurredAt.toISOString().slice(0, 10) < earliest)
    throw badInput('input.occurredAt', `must not be before ${earliest} (the year before the client's intake)`);
}
