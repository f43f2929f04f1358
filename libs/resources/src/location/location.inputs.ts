import { Field, Float, ID, InputType } from 'type-graphql';

@InputType('AddressInput')
export class AddressInput {
  @Field(() => String, { nullable: true })
  attention?: string | null;

  @Field(() => String)
  address1: string;

  @Field(() => String, { nullable: true })
  address2?: string | null;

  @Field(() => String)
  city: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String)
  stateProvince: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. CA.' })
  country: string;

  @Field(() => String, { nullable: true, description: "'physical' (the default), 'postal' or 'virtual'." })
  addressType?: string | null;
}

/** The optional fields a location is created with and updated by: a base class, registered only for its subclasses to inherit the fields (no field takes it, so it is not published). */
@InputType('LocationDetailsInput')
export abstract class LocationDetailsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;
}

@InputType('CreateLocationInput')
export class CreateLocationInput extends LocationDetailsInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { description: "'physical', 'postal' or 'virtual'." })
  locationType: string;
}

/** Fields left out keep their value; `address`, when given, replaces the location's address of that type. */
@InputType('UpdateLocationInput')
export class UpdateLocationInput extends LocationDetailsInput {
  @Field(() => String, { nullable: true })
  locationType?: string | null;
}
