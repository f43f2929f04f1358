/**
 * `__resolveReference` for Referral and ReferralEvent: batched through the
 * request's loaders and checked exactly like `referral(id)` — a record the
 * caller may not see resolves to null (so one hidden row does not break a
 * page), and the denial is audited.
 */
import type { ReferenceResolvers } from '@caseflow/federation';
import type { ReferralsContext } from '../context';
import type { Referral, ReferralEvent } from './referral.type';

type Ref = { id: string };

export const referralReferenceResolvers: ReferenceResolvers = {
  Referral: (ref: Ref, ctx: ReferralsContext): Promise<Referral | null> => ctx.referrals.reference(ctx.actor, ref.id),
  ReferralEvent: (ref: Ref, ctx: ReferralsContext): Promise<ReferralEvent | null> => ctx.referrals.eventReference(ctx.actor, ref.id),
};
