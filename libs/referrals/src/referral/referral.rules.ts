/**
 * Input rules of the referral mutations, pure: every problem is a
 * BAD_USER_INPUT naming the field, raised before anything is asked or
 * written.
 */
import { badInput, optionalText, optionalUuid, requiredText, uuid } from '@caseflow/core';
import type { CompleteReferralInput, CreateReferralInput, RespondToReferralInput } from './referral.inputs';
import type { ReferralDecision, ReferralOutcome, ReferralUrgency } from './referral.type';

/** Longest rationale, need, reason or note a referral keeps. */
export const MAX_REFERRAL_TEXT = 2000;
/** The text options of every rationale, need, reason or note. */
export const REFERRAL_TEXT = { max: MAX_REFERRAL_TEXT } as const;
/** Days a partner has to answer when the referral names no `respondBy`. */
export const DEFAULT_RESPONSE_DAYS = 14;
/** Longest idempotency key. */
export const MAX_CLIENT_MUTATION_ID = 200;

/** An optional instant that must lie in the future. */
export function futureInstant(field: string, value: Date | null | undefined, now: Date): Date | null {
  if (value === null || value === undefined) return null;
  if (value.getTime() <= now.getTime()) throw badInput(field, 'must be in the future');
  return value;
}

export interface ValidCreateReferral {
  clientId: string;
  serviceId: string;
  serviceAtLocationId: string | null;
  goalId: string | null;
  need: string;
  necessaryRationale: string;
  appropriateRationale: string;
  paidByContract: boolean;
  urgency: ReferralUrgency;
  respondBy: Date | null;
  followUpAt: Date | null;
  clientMutationId: string | null;
}

/** Checks every field of createReferral's input, in the order of the input type. */
export function validateCreateReferral(input: CreateReferralInput, now: Date): ValidCreateReferral {
  const key = input.clientMutationId;
  if (key !== null && key !== undefined && (key.length === 0 || key.length > MAX_CLIENT_MUTATION_ID)) {
    throw badInput('input.clientMutationId', `must be 1 to ${MAX_CLIENT_MUTATION_ID} characters`);
  }
  return {
    clientId: uuid('input.clientId', input.clientId),
    serviceId: uuid('input.serviceId', input.serviceId),
    serviceAtLocationId: optionalUuid('input.serviceAtLocationId', input.serviceAtLocationId),
    goalId: optionalUuid('input.goalId', input.goalId),
    need: requiredText('input.need', input.need, REFERRAL_TEXT),
    necessaryRationale: requiredText('input.necessaryRationale', input.necessaryRationale, REFERRAL_TEXT),
    appropriateRationale: requiredText('input.appropriateRationale', input.appropriateRationale, REFERRAL_TEXT),
    paidByContract: input.paidByContract ?? false,
    urgency: input.urgency ?? 'ROUTINE',
    respondBy: futureInstant('input.respondBy', input.respondBy, now),
    followUpAt: futureInstant('input.followUpAt', input.followUpAt, now),
    clientMutationId: key ?? null,
  };
}

export interface ValidResponse {
  referralId: string;
  decision: ReferralDecision;
  /** The decline reason: required when declining, refused otherwise. */
  reason: string | null;
  note: string | null;
}

/** Checks respondToReferral's input: a reason goes with DECLINE and only with it. */
export function validateRespondToReferral(input: RespondToReferralInput): ValidResponse {
  const referralId = uuid('input.referralId', input.referralId);
  const note = optionalText('input.note', input.note, REFERRAL_TEXT);
  const declining = input.decision === 'DECLINE';
  const reason = declining ? requiredText('input.reason', input.reason, REFERRAL_TEXT) : null;
  if (!declining && optionalText('input.reason', input.reason, REFERRAL_TEXT) !== null)
    throw badInput('input.reason', 'is only for declining');
  return { referralId, decision: input.decision, reason, note };
}

export interface ValidCompletion {
  referralId: string;
  outcome: ReferralOutcome;
  note: string | null;
}

/** Checks completeReferral's input: an outcome is required. */
export function validateCompleteReferral(input: CompleteReferralInput): ValidCompletion {
  const referralId = uuid('input.referralId', input.referralId);
  const note = optionalText('input.note', input.note, REFERRAL_TEXT);
  if (!input.outcome) throw badInput('input.outcome', 'is required');
  return { referralId, outcome: input.outcome, note };
}

/** A draft whose `respondBy` has passed cannot be sent: the partner would get it already late. */
export function sendableBy(respondBy: Date | null, now: Date): boolean {
  return respondBy === null || respondBy.getTime() > now.getTime();
}
