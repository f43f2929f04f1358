import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import { Referral, ReferralEvent } from './referral.type';

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, { nullable: true })
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: ReferralsContext): Promise<Referral | null> {
    return ctx.referrals.get(ctx.actor, id);
  }

  @FieldResolver(() => [ReferralEvent])
  history(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<ReferralEvent[]> {
    return ctx.referrals.history(referral);
  }
}
