/**
 * The follow-up job's one read: referrals still under way whose follow-up
 * falls within a day and a half of `now` either way — every instant that can
 * be "today" somewhere — for the job to keep those due today in their
 * referring agency's time zone.
 */
import type { EntityManager } from 'typeorm';
import type { ReferralFactsRow } from '../referral/referral.events';
import { OPEN_REFERRAL_STATUSES } from '../referral/referral.transitions';

export interface FollowUpRow extends ReferralFactsRow {
  follow_up_at: Date;
}

/** A follow-up still means something while the referral is out or under way. */
export const FOLLOW_UP_STATUSES = OPEN_REFERRAL_STATUSES;

const NEAR_FOLLOW_UPS_SQL = `SELECT id, client_id, client_organization_id, referred_by, organization_id, organization_name,
        service_id, service_name, sent_at, follow_up_at
   FROM referrals.referral
  WHERE follow_up_at >= $1::timestamptz - interval '36 hours' AND follow_up_at < $1::timestamptz + interval '36 hours'
    AND status = ANY($2::text[])
  ORDER BY follow_up_at, id`;

/** Referrals under way with a follow-up near `now` (index referral_follow_up_idx). */
export const nearFollowUps = (m: EntityManager, now: Date) => m.query<FollowUpRow[]>(NEAR_FOLLOW_UPS_SQL, [now, FOLLOW_UP_STATUSES]);
