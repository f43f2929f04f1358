import { optionalText, requiredText } from '@caseflow/core';
import type { CompleteReferralInput, CreateReferralInput, RespondToReferralInput } from './referral.inputs';
import {
  MAX_REFERRAL_TEXT,
  REFERRAL_TEXT,
  sendableBy,
  validateCompleteReferral,
  validateCreateReferral,
  validateRespondToReferral,
} from './referral.rules';

const now = new Date('2026-11-23T12:00:00Z');
const CLIENT = '00000000-0000-4000-8000-0000000000c1';
const SERVICE = '00000000-0000-4000-8000-0000000000e1';
const valid: CreateReferralInput = {
  clientId: CLIENT,
  serviceId: SERVICE,
  need: ' Food: not enough at home ',
  necessaryRationale: 'Hunger blocks the job search.',
  appropriateRationale: 'Close by, has capacity.',
};
const fieldOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return { code: (error as { code: string }).code, field: (error as { details: { field: string } }).details.field };
  }
  return 'no error';
};

describe('validateCreateReferral', () => {
  it('trims texts and fills the defaults', () => {
    expect(validateCreateReferral(valid, now)).toEqual({
      clientId: CLIENT,
      serviceId: SERVICE,
      serviceAtLocationId: null,
      goalId: null,
      need: 'Food: not enough at home',
      necessaryRationale: 'Hunger blocks the job search.',
      appropriateRationale: 'Close by, has capacity.',
      paidByContract: false,
      urgency: 'ROUTINE',
      respondBy: null,
      followUpAt: null,
      clientMutationId: null,
    });
  });

  it.each([
    ['input.clientId', { clientId: 'nope' }],
    ['input.serviceId', { serviceId: '' }],
    ['input.serviceAtLocationId', { serviceAtLocationId: '123' }],
    ['input.goalId', { goalId: 'goal-1' }],
    ['input.need', { need: '   ' }],
    ['input.necessaryRationale', { necessaryRationale: '' }],
    ['input.appropriateRationale', { appropriateRationale: 'x'.repeat(MAX_REFERRAL_TEXT + 1) }],
    ['input.respondBy', { respondBy: new Date('2026-11-23T11:59:59Z') }],
    ['input.followUpAt', { followUpAt: now }],
    ['input.clientMutationId', { clientMutationId: '' }],
    ['input.clientMutationId', { clientMutationId: 'k'.repeat(201) }],
  ])('names %s when it is wrong', (field, change) => {
    expect(fieldOf(() => validateCreateReferral({ ...valid, ...change } as CreateReferralInput, now))).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('accepts a rationale of exactly 2,000 characters and future dates', () => {
    const r = validateCreateReferral(
      { ...valid, necessaryRationale: 'x'.repeat(MAX_REFERRAL_TEXT), respondBy: new Date('2026-12-01T00:00:00Z'), clientMutationId: 'k1' },
      now,
    );
    expect(r.necessaryRationale).toHaveLength(MAX_REFERRAL_TEXT);
    expect(r.respondBy).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(r.clientMutationId).toBe('k1');
  });
});

describe('texts', () => {
  it('treats a blank optional text as absent and checks the length of a given one', () => {
    expect(optionalText('note', '  ', REFERRAL_TEXT)).toBeNull();
    expect(optionalText('note', undefined, REFERRAL_TEXT)).toBeNull();
    expect(optionalText('note', ' ok ', REFERRAL_TEXT)).toBe('ok');
    expect(fieldOf(() => optionalText('input.note', 'x'.repeat(2001), REFERRAL_TEXT))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.note',
    });
    expect(fieldOf(() => requiredText('reason', null, REFERRAL_TEXT))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});

describe('validateRespondToReferral', () => {
  const REFERRAL = '00000000-0000-4000-8000-0000000000a1';

  it('keeps a decline reason, trimmed, and lower-cases the id', () => {
    expect(validateRespondToReferral({ referralId: REFERRAL.toUpperCase(), decision: 'DECLINE', reason: ' Full ', note: ' ' })).toEqual({
      referralId: REFERRAL,
      decision: 'DECLINE',
      reason: 'Full',
      note: null,
    });
    expect(validateRespondToReferral({ referralId: REFERRAL, decision: 'ACCEPT', reason: '  ', note: 'See you Monday' })).toEqual({
      referralId: REFERRAL,
      decision: 'ACCEPT',
      reason: null,
      note: 'See you Monday',
    });
  });

  it.each([
    ['input.referralId', { referralId: 'r1', decision: 'ACCEPT' }],
    ['input.reason', { referralId: REFERRAL, decision: 'DECLINE' }],
    ['input.reason', { referralId: REFERRAL, decision: 'WAITLIST', reason: 'Busy' }],
    ['input.note', { referralId: REFERRAL, decision: 'ACCEPT', note: 'x'.repeat(MAX_REFERRAL_TEXT + 1) }],
  ])('names %s when it is wrong', (field, input) => {
    expect(fieldOf(() => validateRespondToReferral(input as RespondToReferralInput))).toEqual({ code: 'BAD_USER_INPUT', field });
  });
});

describe('validateCompleteReferral', () => {
  const REFERRAL = '00000000-0000-4000-8000-0000000000a1';

  it('keeps the outcome and the note', () => {
    expect(validateCompleteReferral({ referralId: REFERRAL, outcome: 'SERVICE_PROVIDED', note: ' Done ' })).toEqual({
      referralId: REFERRAL,
      outcome: 'SERVICE_PROVIDED',
      note: 'Done',
    });
  });

  it('names the outcome when it is missing, and the id when it is not a UUID', () => {
    expect(fieldOf(() => validateCompleteReferral({ referralId: REFERRAL } as CompleteReferralInput))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.outcome',
    });
    expect(fieldOf(() => validateCompleteReferral({ referralId: 'x', outcome: 'OTHER' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.referralId',
    });
  });
});

describe('sendableBy', () => {
  it('sends a draft without a deadline or with one still ahead, never one whose deadline has passed', () => {
    expect(sendableBy(null, now)).toBe(true);
    expect(sendableBy(new Date(now.getTime() + 1), now)).toBe(true);
    expect(sendableBy(now, now)).toBe(false);
    expect(sendableBy(new Date(now.getTime() - 1), now)).toBe(false);
  });
});
