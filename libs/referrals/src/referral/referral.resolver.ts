import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import { asksForProvidedNames } from '../service/service-names';
import { ServiceRef } from '../service/service.ref';
import { CompleteReferralInput, CreateReferralInput, RespondToReferralInput } from './referral.inputs';
import { INBOX_PAGE_SIZE } from './referral.queries';
import type { ReferralStatus } from './referral.transitions';
import { Referral, ReferralConnection, ReferralEvent, ReferralStatusEnum } from './referral.type';

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, { nullable: true })
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: ReferralsContext): Promise<Referral | null> {
    return ctx.referrals.get(ctx.actor, id);
  }

  @Query(() => ReferralConnection, { description: "Referrals sent to the caller's organization (partner agencies)." })
  incomingReferrals(
    @Ctx() ctx: ReferralsContext,
    @Arg('status', () => [ReferralStatusEnum], { nullable: true }) status?: ReferralStatus[] | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: INBOX_PAGE_SIZE }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ReferralConnection> {
    return ctx.referrals.inbox(ctx.actor, { status, first, after });
  }

  /** The service with the names this subgraph provides (its `@provides`): from the directory's names read whole, else asked of the directory. */
  @FieldResolver(() => ServiceRef, { nullable: true })
  service(
    @Root() referral: Referral,
    @Ctx() ctx: ReferralsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceRef | null> | ServiceRef | null {
    if (!referral.service) return null;
    return asksForProvidedNames(info) ? ctx.service(referral.service.id) : referral.service;
  }

  @FieldResolver(() => [ReferralEvent])
  history(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<ReferralEvent[]> {
    return ctx.referrals.history(referral);
  }

  @Mutation(() => Referral)
  createReferral(@Arg('input', () => CreateReferralInput) input: CreateReferralInput, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.referralCommands.create(ctx.actor, input);
  }

  @Mutation(() => Referral)
  sendReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: ReferralsContext,
    @Arg('overrideConsentReason', () => String, {
      nullable: true,
      description: 'A supervisor may send without an active consent, with this reason (kept in the history and the audit trail).',
    })
    overrideConsentReason?: string | null,
  ): Promise<Referral> {
    return ctx.referralCommands.send(ctx.actor, referralId, overrideConsentReason);
  }

  @Mutation(() => Referral)
  respondToReferral(
    @Arg('input', () => RespondToReferralInput) input: RespondToReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.referralCommands.respond(ctx.actor, input);
  }

  @Mutation(() => Referral)
  startReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: ReferralsContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Referral> {
    return ctx.referralCommands.start(ctx.actor, referralId, note);
  }

  @Mutation(() => Referral)
  completeReferral(
    @Arg('input', () => CompleteReferralInput) input: CompleteReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.referralCommands.complete(ctx.actor, input);
  }

  @Mutation(() => Referral)
  cancelReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.referralCommands.cancel(ctx.actor, referralId, reason);
  }
}
