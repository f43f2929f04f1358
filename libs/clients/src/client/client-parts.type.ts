/** The parts of a client's record that are values of the client (no identity of their own). */
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { CLOSURE_OUTCOMES, type ClosureOutcome } from '../history/case-event.entity';
import { StaffMember } from '../staff/staff.type';
import type { ContactMethod, PriorityLevel } from './client.entity';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ContactMethodEnum = enumOf(['PHONE', 'TEXT', 'EMAIL', 'MAIL', 'IN_PERSON'] as const);
registerEnumType(ContactMethodEnum, { name: 'ContactMethod' });
export const PriorityLevelEnum = enumOf(['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const);
registerEnumType(PriorityLevelEnum, { name: 'PriorityLevel' });
export const ClosureOutcomeEnum = enumOf(CLOSURE_OUTCOMES);
registerEnumType(ClosureOutcomeEnum, { name: 'ClosureOutcome' });

@ObjectType('ContactPreference')
export class ContactPreference {
  @Field(() => ContactMethodEnum)
  method: ContactMethod;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => Boolean)
  voicemailAllowed: boolean;

  @Field(() => String, { nullable: true, description: 'How the client wants to be acknowledged if met in public.' })
  publicGreeting: string | null;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType('Eligibility')
export class Eligibility {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => String)
  program: string;

  @Field(() => String)
  rationale: string;

  @Field(() => Date)
  determinedAt: Date;

  @Field(() => StaffMember, { nullable: true })
  determinedBy: StaffMember | null;

  /** Not a GraphQL field. */
  determinedById: string;
}

@ObjectType('KeyDate')
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

@InputType('ContactPreferenceInput')
export class ContactPreferenceInput {
  @Field(() => ContactMethodEnum)
  method: ContactMethod;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Boolean)
  voicemailAllowed: boolean;

  @Field(() => String, { nullable: true })
  publicGreeting?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('KeyDateInput')
export class KeyDateInput {
  @Field(() => String)
  label: string;

  @Field(() => DateScalar)
  date: string;
}
