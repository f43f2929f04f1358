import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';
import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import { RecordAssessmentInput } from './assessment.inputs';
import { AssessmentCharacteristic, AssessmentDomainEnum, AssessmentItem, AssessmentRatingEnum, NeedsAssessment } from './assessment.type';

@Resolver(() => NeedsAssessment)
export class AssessmentResolver {
  @Query(() => [AssessmentCharacteristic], {
    description: "The needs-assessment checklist of the caller's agency: the standard characteristics and its own.",
  })
  assessmentChecklist(@Ctx() ctx: ClientsContext): Promise<AssessmentCharacteristic[]> {
    return ctx.assessments.checklist(ctx.actor);
  }

  @Mutation(() => NeedsAssessment)
  recordAssessment(
    @Arg('input', () => RecordAssessmentInput) input: RecordAssessmentInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<NeedsAssessment> {
    return ctx.assessmentCommands.record(ctx.actor, input);
  }

  @FieldResolver(() => Client)
  async client(@Root() assessment: NeedsAssessment, @Ctx() ctx: ClientsContext): Promise<Client> {
    return (await ctx.clients.get(ctx.actor, assessment.clientId)) as Client;
  }

  @FieldResolver(() => StaffMember)
  async assessedBy(@Root() assessment: NeedsAssessment, @Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return (await ctx.staff.reference(ctx.actor, assessment.assessedById)) as StaffMember;
  }

  @FieldResolver(() => [AssessmentItem])
  items(
    @Root() assessment: NeedsAssessment,
    @Ctx() ctx: ClientsContext,
    @Arg('rating', () => AssessmentRatingEnum, { nullable: true }) rating?: AssessmentRating,
    @Arg('domain', () => AssessmentDomainEnum, { nullable: true }) domain?: AssessmentDomain,
  ): Promise<AssessmentItem[]> {
    return ctx.assessments.items(assessment, rating, domain);
  }
}
