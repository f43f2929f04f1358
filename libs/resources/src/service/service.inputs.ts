import { Field, Float, ID, InputType } from 'type-graphql';

/** The optional fields a service is created with and updated by (left out or null: none, or on update unchanged): a base class, registered only for its subclasses to inherit the fields (no field takes it, so it is not published). */
@InputType('ServiceDetailsInput')
export abstract class ServiceDetailsInput {
  @Field(() => String, { nullable: true })
  alternateName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  applicationProcess?: string | null;

  @Field(() => String, { nullable: true })
  feesDescription?: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription?: string | null;

  @Field(() => Float, { nullable: true })
  minimumAge?: number | null;

  @Field(() => Float, { nullable: true })
  maximumAge?: number | null;
}

@InputType('CreateServiceInput')
export class CreateServiceInput extends ServiceDetailsInput {
  @Field(() => ID, { description: 'The organization providing the service: a partner may name only their own.' })
  organizationId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, {
    nullable: true,
    description: "HSDS status: 'active' (the default), 'inactive', 'defunct' or 'temporarily closed'.",
  })
  status?: string | null;

  @Field(() => [String], { nullable: true, description: "Language names, e.g. 'English', 'French'." })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The taxonomy terms (categories) of the service.' })
  taxonomyTermIds?: string[] | null;
}

/** Fields left out (or null) keep their value; `languages` and `taxonomyTermIds`, when given, replace the lists. */
@InputType('UpdateServiceInput')
export class UpdateServiceInput extends ServiceDetailsInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true })
  taxonomyTermIds?: string[] | null;
}
