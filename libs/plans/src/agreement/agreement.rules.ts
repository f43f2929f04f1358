import { check, oneOfSchema, optionalText } from '@caseflow/core';
import type { PlanStatus } from '../plan/plan.entity';
import type { AgreementMethodValue } from './agreement.entity';

/**
 * What an agreement is and when it is current. An agreement is to one plan
 * version; it is not a revision of the plan (recording one leaves the
 * version alone). The current agreement is derived, never cleared: the
 * newest agreement to the plan's current version. Every revision raises the
 * version (plan.change.ts `revise`), so any revision leaves the plan without
 * a current agreement while the older agreements stay in the history.
 */

export const AGREEMENT_METHODS: readonly AgreementMethodValue[] = ['IN_PERSON_SIGNATURE', 'VERBAL', 'ELECTRONIC'];

/** The longest note (trimmed); the database CHECK repeats it. */
export const AGREEMENT_NOTE_MAX = 2000;

/** Only an ACTIVE plan is agreed to: a draft's activation is a revision, and a closed plan takes no changes. */
export const AGREEABLE_STATUSES: readonly PlanStatus[] = ['ACTIVE'];

export function checkMethod(field: string, value: unknown): AgreementMethodValue {
  return check(field, oneOfSchema(AGREEMENT_METHODS), value);
}

/** Optional prose, trimmed; empty means none. */
export function checkNote(field: string, value: string | null | undefined): string | null {
  return optionalText(field, value, { max: AGREEMENT_NOTE_MAX });
}

interface Agreed {
  planVersion: number;
}

/** The agreement to the plan's current version: the first such in `newestFirst`, or null. */
export function currentAgreement<A extends Agreed>(plan: { version: number }, newestFirst: readonly A[]): A | null {
  return newestFirst.find((a) => a.planVersion === plan.version) ?? null;
}

/** An ACTIVE plan whose current version the client has not agreed to. */
export function isAwaitingAgreement(plan: { status: PlanStatus; version: number }, newestFirst: readonly Agreed[]): boolean {
  return plan.status === 'ACTIVE' && currentAgreement(plan, newestFirst) === null;
}
