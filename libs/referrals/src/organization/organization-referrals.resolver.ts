import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import { INBOX_PAGE_SIZE } from '../referral/referral.queries';
import type { ReferralStatus } from '../referral/referral.transitions';
import { ReferralConnection, ReferralStatusEnum } from '../referral/referral.type';
import { OrganizationRef } from './organization.ref';

/** The field this subgraph contributes to the resources subgraph's Organization. */
@Resolver(() => OrganizationRef)
export class OrganizationReferralsResolver {
  @FieldResolver(() => ReferralConnection, {
    nullable: true,
    description: 'From the referrals subgraph: referrals sent to this organization.',
  })
  incomingReferrals(
    @Root() organization: OrganizationRef,
    @Ctx() ctx: ReferralsContext,
    @Arg('status', () => [ReferralStatusEnum], { nullable: true }) status?: ReferralStatus[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: INBOX_PAGE_SIZE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ReferralConnection | null> {
    return ctx.referrals.inboxOf(ctx.actor, organization.id, { status, first, after });
  }
}
