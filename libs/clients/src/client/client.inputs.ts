import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from '../profile/profile.inputs';
import type { ClientStatus, ClosureOutcome } from './client.entity';
import { ClientStatusEnum, ClosureOutcomeEnum, ContactPreferenceFields, EligibilityDecision, type KeyDate } from './client.type';

@InputType('ContactPreferenceInput')
export class ContactPreferenceInput extends ContactPreferenceFields {
  @Field(() => String, { nullable: true })
  publicGreeting?: string | null;
}

/** `KeyDateInput` is the input side of `KeyDate` (client.type.ts). */
export type KeyDateInput = KeyDate;

@InputType('OpenClientInput')
export class OpenClientInput {
  @Field(() => String)
  firstName: string;

  @Field(() => String)
  lastName: string;

  @Field(() => String, { nullable: true })
  preferredName?: string | null;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => ContactPreferenceInput, { nullable: true })
  contactPreference?: ContactPreferenceInput | null;

  @Field(() => ID, { nullable: true, description: 'Defaults to the caller when the caller is a case manager.' })
  assignedCaseManagerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Optional idempotency key: the same key returns the same client.' })
  clientMutationId?: string | null;

  @Field(() => ClientAddressInput, { nullable: true, description: 'Recorded with the client, as setClientAddress does.' })
  address?: ClientAddressInput | null;

  @Field(() => [HouseholdMemberInput], { nullable: true, description: 'Recorded with the client, as setHousehold does.' })
  household?: HouseholdMemberInput[] | null;

  @Field(() => DemographicsInput, { nullable: true, description: 'Recorded with the client, as setDemographics does.' })
  demographics?: DemographicsInput | null;
}

@InputType('DetermineEligibilityInput')
export class DetermineEligibilityInput extends EligibilityDecision {
  @Field(() => ID)
  clientId: string;
}

@InputType('CloseCaseInput')
export class CloseCaseInput {
  @Field(() => ID)
  clientId: string;

  @Field(() => ClosureOutcomeEnum)
  outcome: ClosureOutcome;

  @Field(() => String, { nullable: true })
  nextSteps?: string | null;
}

@InputType('ClientFilter')
export class ClientFilter {
  @Field(() => [ClientStatusEnum], { nullable: true })
  status?: ClientStatus[] | null;

  @Field(() => ID, { nullable: true })
  assignedCaseManagerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches first, last or preferred name, case- and accent-insensitive.' })
  nameContains?: string | null;
}
