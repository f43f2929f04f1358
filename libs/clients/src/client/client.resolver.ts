import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { NeedsAssessment } from '../assessment/assessment.type';
import { Consent } from '../consent/consent.type';
import type { ClientsContext } from '../context';
import { CaseNoteConnection } from '../note/note.type';
import { selects } from '../shared/selection';
import { StaffMember } from '../staff/staff.type';
import type { ClientStatus } from './client.entity';
import {
  CloseCaseInput,
  ClientFilter,
  ContactPreferenceInput,
  DetermineEligibilityInput,
  KeyDateInput,
  OpenClientInput,
} from './client.inputs';
import { toContactPreference, toPriority } from './client.mapper';
import { caseRecordField, requireContactInfo } from './client.policy';
import { CaseClosure, Client, ClientConnection, ClientStatusEnum, ContactPreference, Eligibility, KeyDate, Priority } from './client.type';

@Resolver(() => Client)
export class ClientResolver {
  @Query(() => Client, { nullable: true })
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: ClientsContext): Promise<Client | null> {
    return ctx.clients.get(ctx.actor, id);
  }

  @Query(() => ClientConnection)
  clients(
    @Ctx() ctx: ClientsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => ClientFilter, { nullable: true }) filter?: ClientFilter,
  ): Promise<ClientConnection> {
    return ctx.clients.list(ctx.actor, first, after, filter);
  }

  @Query(() => ClientConnection, { description: "The caller's own clients, most urgent first." })
  myCaseload(
    @Ctx() ctx: ClientsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('status', () => [ClientStatusEnum], { nullable: true }) status?: ClientStatus[],
    @Arg('caseManagerId', () => ID, {
      nullable: true,
      description: 'Supervisors: the caseload of this case manager of the agency instead of their own.',
    })
    caseManagerId?: string,
  ): Promise<ClientConnection> {
    return ctx.clients.caseload(ctx.actor, first, after, status, caseManagerId, selects(info, 'totalCount'));
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  dateOfBirth(@Root() client: Client): string | null {
    return caseRecordField(client, client.dateOfBirth);
  }

  @FieldResolver(() => ClientStatusEnum)
  status(@Root() client: Client): ClientStatus {
    return caseRecordField(client, client.status);
  }

  @FieldResolver(() => DateScalar)
  intakeDate(@Root() client: Client): string {
    return caseRecordField(client, client.intakeDate);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  async assignedCaseManager(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    const id = caseRecordField(client, client.assignedCaseManagerId);
    return id ? ctx.staff.reference(ctx.actor, id) : null;
  }

  @FieldResolver(() => ContactPreference, { nullable: true })
  contactPreference(@Root() client: Client): ContactPreference | null {
    requireContactInfo(client);
    return toContactPreference(client.entity);
  }

  @FieldResolver(() => Eligibility, { nullable: true })
  eligibility(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Eligibility | null> {
    return ctx.clients.eligibility(client);
  }

  @FieldResolver(() => [KeyDate])
  keyDates(@Root() client: Client): KeyDate[] {
    return caseRecordField(client, client.keyDates);
  }

  @FieldResolver(() => Date, { nullable: true })
  nextFollowUpAt(@Root() client: Client): Date | null {
    return caseRecordField(client, client.nextFollowUpAt);
  }

  @FieldResolver(() => Priority)
  priority(@Root() client: Client): Priority {
    return toPriority(caseRecordField(client, client.entity));
  }

  @FieldResolver(() => [NeedsAssessment])
  assessments(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<NeedsAssessment[]> {
    return ctx.assessments.forClient(client);
  }

  @FieldResolver(() => NeedsAssessment, { nullable: true })
  latestAssessment(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<NeedsAssessment | null> {
    return ctx.assessments.latest(client);
  }

  @FieldResolver(() => [Consent])
  consents(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Consent[]> {
    return ctx.consents.forClient(client);
  }

  @FieldResolver(() => CaseNoteConnection)
  caseNotes(
    @Root() client: Client,
    @Ctx() ctx: ClientsContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CaseNoteConnection> {
    return ctx.notes.page(client, first, after);
  }

  @FieldResolver(() => CaseClosure, { nullable: true })
  closure(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<CaseClosure | null> {
    return ctx.clients.closure(client);
  }

  @FieldResolver(() => [Client], {
    description: 'Clients of the agency with the same birth date and names (also first/last swapped); nothing is merged automatically.',
  })
  possibleDuplicates(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Client[]> {
    caseRecordField(client, null);
    return ctx.clients.possibleDuplicates(ctx.actor, client);
  }
}

@Resolver(() => Eligibility)
export class EligibilityResolver {
  @FieldResolver(() => StaffMember, { nullable: true })
  determinedBy(@Root() eligibility: Eligibility, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    return ctx.staff.reference(ctx.actor, eligibility.determinedById);
  }
}

@Resolver(() => Client)
export class ClientMutationResolver {
  @Mutation(() => Client)
  openClient(@Arg('input', () => OpenClientInput) input: OpenClientInput, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.clientCommands.openClient(ctx.actor, input);
  }

  @Mutation(() => Client)
  determineEligibility(
    @Arg('input', () => DetermineEligibilityInput) input: DetermineEligibilityInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.clientCommands.determineEligibility(ctx.actor, input);
  }

  @Mutation(() => Client)
  activateClient(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.clientCommands.activateClient(ctx.actor, clientId);
  }

  @Mutation(() => Client)
  updateContactPreference(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ContactPreferenceInput) input: ContactPreferenceInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.clientCommands.updateContactPreference(ctx.actor, clientId, input);
  }

  @Mutation(() => Client)
  setKeyDates(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('keyDates', () => [KeyDate]) keyDates: KeyDateInput[],
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.clientCommands.setKeyDates(ctx.actor, clientId, keyDates);
  }

  @Mutation(() => Client)
  scheduleFollowUp(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('at', () => Date) at: Date,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.clientCommands.scheduleFollowUp(ctx.actor, clientId, at);
  }

  @Mutation(() => Client)
  assignCaseManager(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('staffMemberId', () => ID) staffMemberId: string,
    @Ctx() ctx: ClientsContext,
    @Arg('reason', () => String, {
      nullable: true,
      description: "Why the client moves: kept on the case's REASSIGNED event and in client.assigned. The dashboard asks for it.",
    })
    reason?: string | null,
  ): Promise<Client> {
    return ctx.clientCommands.assignCaseManager(ctx.actor, clientId, staffMemberId, reason);
  }

  @Mutation(() => Client)
  closeCase(@Arg('input', () => CloseCaseInput) input: CloseCaseInput, @Ctx() ctx: ClientsContext): Promise<Client> {
    return ctx.clientCommands.closeCase(ctx.actor, input);
  }

  @Mutation(() => Client)
  reopenCase(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<Client> {
    return ctx.clientCommands.reopenCase(ctx.actor, clientId, reason);
  }
}
