import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/** HSDS address (a plain type: reached only through its location). */
@ObjectType('Address')
export class Address {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  attention: string | null;

  @Field(() => String)
  address1: string;

  @Field(() => String, { nullable: true })
  address2: string | null;

  @Field(() => String)
  city: string;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String)
  stateProvince: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String)
  country: string;

  @Field(() => String)
  addressType: string;
}

/** A place services are delivered at (HSDS location). Addresses, phones and schedules are field resolvers. */
@ObjectType('Location')
@Directive('@key(fields: "id")')
export class Location {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String)
  locationType: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;
}
