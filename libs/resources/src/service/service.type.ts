import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';

/** A service of the directory (HSDS service). Related objects are field resolvers. */
@ObjectType('Service')
@Directive('@key(fields: "id")')
export class Service {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  alternateName: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String)
  status: string;

  @Field(() => String, { nullable: true })
  applicationProcess: string | null;

  @Field(() => String, { nullable: true })
  feesDescription: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription: string | null;

  @Field(() => Float, { nullable: true })
  minimumAge: number | null;

  @Field(() => Float, { nullable: true })
  maximumAge: number | null;

  /** Not a GraphQL field. */
  organizationId: string;
}
