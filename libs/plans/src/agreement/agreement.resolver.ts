import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { PlansContext } from '../context';
import { ActionPlan } from '../plan/plan.type';
import type { AgreementMethodValue } from './agreement.entity';
import { AgreementMethodEnum, PlanAgreement } from './agreement.type';

/** The client's agreement on ActionPlan, and recording it. */
@Resolver(() => ActionPlan)
export class AgreementResolver {
  @FieldResolver(() => PlanAgreement, { nullable: true, description: 'Null until the client agrees to this version of the plan.' })
  agreement(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<PlanAgreement | null> {
    return ctx.agreements.currentOf(plan);
  }

  @FieldResolver(() => [PlanAgreement], { description: 'Every agreement to the plan, newest first; a revision never removes one.' })
  agreementHistory(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<PlanAgreement[]> {
    return ctx.agreements.historyOf(plan);
  }

  @FieldResolver(() => Boolean, {
    description: 'True for an ACTIVE plan whose current version the client has not agreed to (the caseload\'s "awaiting agreement").',
  })
  awaitingAgreement(@Root() plan: ActionPlan, @Ctx() ctx: PlansContext): Promise<boolean> {
    return ctx.agreements.awaiting(plan);
  }

  @Mutation(() => ActionPlan, {
    description: "Records the client's agreement to the plan's current version (expectedVersion); not a revision: the version stays.",
  })
  recordPlanAgreement(
    @Arg('planId', () => ID) planId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('method', () => AgreementMethodEnum) method: AgreementMethodValue,
    @Ctx() ctx: PlansContext,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<ActionPlan> {
    return ctx.agreementCommands.record(ctx.actor, planId, expectedVersion, method, note);
  }
}
