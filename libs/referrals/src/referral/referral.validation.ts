/**
 * Input rules of the referral mutations, pure: every problem is a
 * BAD_USER_INPUT naming the field, raised before anything is asked or
 * written.
 */
import { isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { CreateReferralInput } from './dto/create-referral.input';
import type { ReferralUrgency } from './referral.enums';

/** Longest rationale, need, reason or note a referral keeps. */
export const MAX_REFERRAL_TEXT = 2000;
/** Longest idempotency key. */
export const MAX_CLIENT_MUTATION_ID = 200;

/** A required text: trimmed, not empty, at most 2,000 characters. */
export function requiredText(field: string, value: string | null | undefined): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw badInput(field, 'is required');
  if (text.length > MAX_REFERRAL_TEXT) throw badInput(field, `must be at most ${MAX_REFERRAL_TEXT} characters`);
  return text;
}

/** An optional text: null when absent or blank, otherwise as `requiredText`. */
export function optionalText(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requiredText(field, value);
}

export function requiredId(field: string, value: string | null | undefined): string {
  if (!isUuid(value)) throw badInput(field, 'must be a UUID');
  return value.toLowerCase();
}

export function optionalId(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : requiredId(field, value);
}

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
    clientId: requiredId('input.clientId', input.clientId),
    serviceId: requiredId('input.serviceId', input.serviceId),
    serviceAtLocationId: optionalId('input.serviceAtLocationId', input.serviceAtLocationId),
    goalId: optionalId('input.goalId', input.goalId),
    need: requiredText('input.need', input.need),
    necessaryRationale: requiredText('input.necessaryRationale', input.necessaryRationale),
    appropriateRationale: requiredText('input.appropriateRationale', input.appropriateRationale),
    paidByContract: input.paidByContract ?? false,
    urgency: input.urgency ?? 'ROUTINE',
    respondBy: futureInstant('input.respondBy', input.respondBy, now),
    followUpAt: futureInstant('input.followUpAt', input.followUpAt, now),
    clientMutationId: key ?? null,
  };
}
