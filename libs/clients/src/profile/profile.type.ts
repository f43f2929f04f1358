import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';

export const HOUSEHOLD_RELATIONSHIPS = ['PARTNER', 'CHILD', 'PARENT', 'SIBLING', 'OTHER_RELATIVE', 'OTHER'] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];
export const HouseholdRelationshipEnum = Object.fromEntries(HOUSEHOLD_RELATIONSHIPS.map((v) => [v, v])) as {
  [K in HouseholdRelationship]: K;
};
registerEnumType(HouseholdRelationshipEnum, { name: 'HouseholdRelationship' });

@ObjectType('ClientAddress')
export class ClientAddress {
  @Field(() => String)
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field(() => String)
  city: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. CA.' })
  country: string;

  @Field(() => Float, {
    nullable: true,
    description: "Geocoded from the address (or entered); used for 'near the client' in directory search. Never shown to partners.",
  })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Boolean, { description: 'True when the client has no fixed address; then the lines describe where to reach them.' })
  noFixedAddress: boolean;
}

@ObjectType('HouseholdMember')
export class HouseholdMember {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  firstName: string;

  @Field(() => String, { nullable: true })
  lastName: string | null;

  @Field(() => HouseholdRelationshipEnum)
  relationship: HouseholdRelationship;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth: string | null;

  @Field(() => Boolean, { description: 'A dependant of the client (childcare, benefits).' })
  dependent: boolean;
}

@ObjectType('Demographics')
export class Demographics {
  @Field(() => String, { nullable: true, description: 'Self-described; free text, never a fixed list.' })
  genderIdentity: string | null;

  @Field(() => String, { nullable: true })
  pronouns: string | null;

  @Field(() => [String], { description: "BCP 47 language tags, most preferred first (e.g. ['fr', 'en'])." })
  languages: string[];

  @Field(() => Boolean)
  interpreterNeeded: boolean;

  @Field(() => String, { nullable: true, description: 'Highest education completed, free text.' })
  education: string | null;
}
