import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { NamedEntry } from '../shared/named-entry.type';

/** A service of the directory (HSDS service). Related objects are field resolvers. */
@ObjectType('Service')
@Directive('@key(fields: "id")')
export class Service extends NamedEntry {
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
