import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ReferralsContext } from '../context';
import { INBOX_PAGE_SIZE } from '../organization/inbox.service';
import { CompleteReferralInput } from './dto/complete-referral.input';
import { CreateReferralInput } from './dto/create-referral.input';
import { RespondToReferralInput } from './dto/respond-to-referral.input';
import type { ReferralStatus } from './referral.enums';
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
    return ctx.inbox.mine(ctx.actor, { status, first, after });
  }

  @FieldResolver(() => [ReferralEvent])
  history(@Root() referral: Referral, @Ctx() ctx: ReferralsContext): Promise<ReferralEvent[]> {
    return ctx.referrals.history(referral);
  }

  @Mutation(() => Referral)
  createReferral(@Arg('input', () => CreateReferralInput) input: CreateReferralInput, @Ctx() ctx: ReferralsContext): Promise<Referral> {
    return ctx.workflow.create(ctx.actor, input);
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
    return ctx.workflow.send(ctx.actor, referralId, overrideConsentReason);
  }

  @Mutation(() => Referral)
  respondToReferral(
    @Arg('input', () => RespondToReferralInput) input: RespondToReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.workflow.respond(ctx.actor, input);
  }

  @Mutation(() => Referral)
  startReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Ctx() ctx: ReferralsContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Referral> {
    return ctx.workflow.start(ctx.actor, referralId, note);
  }

  @Mutation(() => Referral)
  completeReferral(
    @Arg('input', () => CompleteReferralInput) input: CompleteReferralInput,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.workflow.complete(ctx.actor, input);
  }

  @Mutation(() => Referral)
  cancelReferral(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ReferralsContext,
  ): Promise<Referral> {
    return ctx.workflow.cancel(ctx.actor, referralId, reason);
  }
}
