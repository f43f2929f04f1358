import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '@caseflow/core';
import { DateRangeInput, DateScalar } from '@caseflow/federation';
import { NeedsAssessment } from '../assessment/assessment.type';
import { Consent } from '../consent/consent.type';
import type { ClientsContext } from '../context';
import { CaseNoteConnection } from '../note/note.type';
import { CaseOutcomeCell, caseOutcomes } from '../outcomes/case-outcomes';
import { toStaffMember } from '../staff/staff.service';
import { StaffMember } from '../staff/staff.type';
import type { ClientStatus } from './client.entity';
import { CaseClosure, ContactPreference, Eligibility, KeyDate, Priority } from './client-parts.type';
import { Client, ClientConnection, ClientFilter, ClientStatusEnum } from './client.type';

/** Fields of the case record: only callers with case access (not partners under a consent) read them. */
function caseRecord<T>(client: Client, value: T): T {
  if (!client.access.caseRecord) throw forbidden("This field is outside the client's consent to your organization");
  return value;
}

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
    @Arg('first', () => Int, { nullable: true, defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('status', () => [ClientStatusEnum], { nullable: true }) status?: ClientStatus[],
    @Arg('caseManagerId', () => ID, {
      nullable: true,
      description: 'Supervisors: the caseload of this case manager of the agency instead of their own.',
    })
    caseManagerId?: string,
  ): Promise<ClientConnection> {
    return ctx.clients.caseload(ctx.actor, first, after, status, caseManagerId);
  }

  @Query(() => [CaseOutcomeCell])
  caseOutcomes(@Arg('period', () => DateRangeInput) period: DateRangeInput, @Ctx() ctx: ClientsContext): Promise<CaseOutcomeCell[]> {
    return caseOutcomes(ctx.dataSource, ctx.audit, ctx.actor, period);
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  dateOfBirth(@Root() client: Client): string | null {
    return caseRecord(client, client.dateOfBirth);
  }

  @FieldResolver(() => ClientStatusEnum)
  status(@Root() client: Client): ClientStatus {
    return caseRecord(client, client.status);
  }

  @FieldResolver(() => DateScalar)
  intakeDate(@Root() client: Client): string {
    return caseRecord(client, client.intakeDate);
  }

  @FieldResolver(() => StaffMember, { nullable: true })
  async assignedCaseManager(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    const id = caseRecord(client, client.assignedCaseManagerId);
    return id ? ctx.staff.reference(ctx.actor, id) : null;
  }

  @FieldResolver(() => ContactPreference, { nullable: true })
  contactPreference(@Root() client: Client): ContactPreference | null {
    if (!client.access.caseRecord && !client.access.kinds.includes('CONTACT_INFO'))
      throw forbidden("The client's contact details are outside the consent");
    const e = client.entity;
    if (!e.contactMethod) return null;
    return {
      method: e.contactMethod,
      phone: e.contactPhone,
      email: e.contactEmail,
      voicemailAllowed: e.voicemailAllowed,
      publicGreeting: e.publicGreeting,
      notes: e.contactNotes,
    };
  }

  @FieldResolver(() => Eligibility, { nullable: true })
  async eligibility(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Eligibility | null> {
    caseRecord(client, null);
    const e = await ctx.loaders.eligibility.load(client.id);
    return e
      ? {
          eligible: e.eligible,
          program: e.program,
          rationale: e.rationale,
          determinedAt: e.determinedAt,
          determinedById: e.determinedBy,
          determinedBy: null,
        }
      : null;
  }

  @FieldResolver(() => [KeyDate])
  keyDates(@Root() client: Client): KeyDate[] {
    return caseRecord(client, client.keyDates);
  }

  @FieldResolver(() => Date, { nullable: true })
  nextFollowUpAt(@Root() client: Client): Date | null {
    return caseRecord(client, client.nextFollowUpAt);
  }

  @FieldResolver(() => Priority)
  priority(@Root() client: Client): Priority {
    const e = caseRecord(client, client.entity);
    return { level: e.priorityLevel, score: e.priorityScore, reasons: e.priorityReasons };
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
  async closure(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<CaseClosure | null> {
    if (caseRecord(client, client.status) !== 'CLOSED') return null;
    const event = await ctx.loaders.closure.load(client.id);
    if (!event || !event.outcome) return null;
    const closedBy = await ctx.loaders.staff.load(event.actorId);
    return { closedAt: event.at, outcome: event.outcome, nextSteps: event.note, closedBy: toStaffMember(closedBy!) };
  }

  @FieldResolver(() => [Client], {
    description: 'Clients of the agency with the same birth date and names (also first/last swapped); nothing is merged automatically.',
  })
  possibleDuplicates(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<Client[]> {
    caseRecord(client, null);
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
