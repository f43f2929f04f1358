import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';
import { type HouseholdRelationship, HouseholdRelationshipEnum } from './profile.type';

@InputType('ClientAddressInput')
export class ClientAddressInput {
  @Field(() => String)
  line1: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field(() => String)
  city: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String)
  country: string;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  noFixedAddress?: boolean | null;
}

@InputType('HouseholdMemberInput')
export class HouseholdMemberInput {
  @Field(() => ID, { nullable: true, description: 'Omit to add a member; give to update that member.' })
  id?: string | null;

  @Field(() => String)
  firstName: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => HouseholdRelationshipEnum)
  relationship: HouseholdRelationship;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dependent?: boolean | null;
}

/** A partial update: a field left out stays as it was; null clears it. */
@InputType('DemographicsInput')
export class DemographicsInput {
  @Field(() => String, { nullable: true })
  genderIdentity?: string | null;

  @Field(() => String, { nullable: true })
  pronouns?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  interpreterNeeded?: boolean | null;

  @Field(() => String, { nullable: true })
  education?: string | null;
}
