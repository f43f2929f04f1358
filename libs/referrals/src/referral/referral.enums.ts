/** The referral vocabularies of the public API, as closed lists (the database CHECKs the same values). */
export const REFERRAL_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'WAITLISTED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_URGENCIES = ['ROUTINE', 'SOON', 'URGENT'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

export const REFERRAL_OUTCOMES = [
  'SERVICE_PROVIDED',
  'CLIENT_DID_NOT_ATTEND',
  'NOT_ELIGIBLE',
  'CLIENT_DECLINED',
  'UNABLE_TO_CONTACT',
  'OTHER',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_DECISIONS = ['ACCEPT', 'DECLINE', 'WAITLIST'] as const;
export type ReferralDecision = (typeof REFERRAL_DECISIONS)[number];

export const REFERRAL_GROUPINGS = ['MONTH', 'ORGANIZATION', 'TAXONOMY_TERM'] as const;
export type ReferralGrouping = (typeof REFERRAL_GROUPINGS)[number];
