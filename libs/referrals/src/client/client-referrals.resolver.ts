import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import type { ReferralStatus } from '../referral/referral.transitions';
import { Referral, ReferralStatusEnum } from '../referral/referral.type';
import { ClientRef } from './client.ref';

/** The fields this subgraph contributes to the clients subgraph's Client. */
@Resolver(() => ClientRef)
export class ClientReferralsResolver {
  @Directive('@requires(fields: "accessGrant")')
  @FieldResolver(() => [Referral], {
    nullable: true,
    description: 'From the referrals subgraph; null (with an error) when that subgraph is down.',
  })
  referrals(
    @Root() client: ClientRef,
    @Ctx() ctx: ReferralsContext,
    @Arg('status', () => [ReferralStatusEnum], { nullable: true }) status?: ReferralStatus[] | null,
  ): Promise<Referral[] | null> {
    return ctx.referrals.forClient(ctx.actor, client.id, status);
  }
}
