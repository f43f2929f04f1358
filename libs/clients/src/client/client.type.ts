import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { InformationKind } from '@caseflow/auth';
import { DateScalar, PageInfo } from '@caseflow/federation';
import { StaffMember } from '../staff/staff.type';
import {
  CLOSURE_OUTCOMES,
  type ClientEntity,
  type ClientStatus,
  type ClosureOutcome,
  type ContactMethod,
  type PriorityLevel,
} from './client.entity';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ClientStatusEnum = { INTAKE: 'INTAKE', ACTIVE: 'ACTIVE', ON_HOLD: 'ON_HOLD', CLOSED: 'CLOSED' } as const;
registerEnumType(ClientStatusEnum, { name: 'ClientStatus' });
export const ContactMethodEnum = enumOf(['PHONE', 'TEXT', 'EMAIL', 'MAIL', 'IN_PERSON'] as const);
registerEnumType(ContactMethodEnum, { name: 'ContactMethod' });
export const PriorityLevelEnum = enumOf(['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const);
registerEnumType(PriorityLevelEnum, { name: 'PriorityLevel' });
export const ClosureOutcomeEnum = enumOf(CLOSURE_OUTCOMES);
registerEnumType(ClosureOutcomeEnum, { name: 'ClosureOutcome' });

// The parts of a client's record that are values of the client (no identity of their own).

/**
 * A contact preference as shown (`ContactPreference`) and as given
 * (`ContactPreferenceInput`), which inherit these fields; each declares
 * `publicGreeting` itself, described only where it is read. No field has
 * this type, so neither name below is in the schema.
 */
@ObjectType('ContactPreferenceFields')
@InputType('ContactPreferenceFieldsInput')
export abstract class ContactPreferenceFields {
  @Field(() => ContactMethodEnum)
  method: ContactMethod;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Boolean)
  voicemailAllowed: boolean;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@ObjectType('ContactPreference')
export class ContactPreference extends ContactPreferenceFields {
  @Field(() => String, { nullable: true, description: 'How the client wants to be acknowledged if met in public.' })
  publicGreeting: string | null;
}

/** An eligibility decision as shown (`Eligibility`) and as given (`DetermineEligibilityInput`); not itself in the schema. */
@ObjectType('EligibilityDecision')
@InputType('EligibilityDecisionInput')
export abstract class EligibilityDecision {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => String)
  program: string;

  @Field(() => String)
  rationale: string;
}

@ObjectType('Eligibility')
export class Eligibility extends EligibilityDecision {
  @Field(() => Date)
  determinedAt: Date;

  @Field(() => StaffMember, { nullable: true })
  determinedBy: StaffMember | null;

  /** Not a GraphQL field. */
  determinedById: string;
}

/** A key date is given as it is read back: one class is both `KeyDate` and `KeyDateInput`. */
@ObjectType('KeyDate')
@InputType('KeyDateInput')
export class KeyDate {
  @Field(() => String)
  label: string;

  @Field(() => DateScalar)
  date: string;
}

@ObjectType('Priority')
export class Priority {
  @Field(() => PriorityLevelEnum)
  level: PriorityLevel;

  @Field(() => Int)
  score: number;

  @Field(() => [String], { description: "Plain-language reasons, e.g. 'EI claim ends in 9 days', '3 open barriers'." })
  reasons: string[];
}

@ObjectType('CaseClosure')
export class CaseClosure {
  @Field(() => Date)
  closedAt: Date;

  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  nextSteps: string | null;

  @Field(() => StaffMember)
  closedBy: StaffMember;
}

/**
 * A client as the API shows it. Kept apart from the entity so that a new
 * column never becomes a public field by accident. `access` records what the
 * caller may see; fields of the case record check it (partners under a
 * consent see names and contact details only: client.policy.ts).
 */
@ObjectType('Client')
@Directive('@key(fields: "id")')
export class Client {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  preferredName: string | null;

  @Field(() => String, { description: 'preferredName (or firstName) and lastName.' })
  displayName: string;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth: string | null;

  @Field(() => ClientStatusEnum)
  status: ClientStatus;

  @Field(() => DateScalar)
  intakeDate: string;

  @Field(() => StaffMember, { nullable: true })
  assignedCaseManager: StaffMember | null;

  @Field(() => [KeyDate])
  keyDates: KeyDate[];

  @Field(() => Date, { nullable: true })
  nextFollowUpAt: Date | null;

  /** Not GraphQL fields: the caller's access (set by the queries) and the row the field resolvers read. */
  access: ClientAccess;
  assignedCaseManagerId: string | null;
  organizationId: string;
  entity: ClientEntity;
}

/** What the caller may see of a client: the whole case record, or only the kinds of information a consent covers. */
export interface ClientAccess {
  caseRecord: boolean;
  kinds: InformationKind[];
}

@ObjectType('ClientEdge')
export class ClientEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Client)
  node: Client;
}

@ObjectType('ClientConnection')
export class ClientConnection {
  @Field(() => [ClientEdge])
  edges: ClientEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
