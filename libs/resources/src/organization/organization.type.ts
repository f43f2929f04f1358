import { Directive, Field, ObjectType } from 'type-graphql';
import { NamedEntry } from '../shared/named-entry.type';

/** An agency in the directory (HSDS organization). Its phones, locations and services are field resolvers. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization extends NamedEntry {
  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;
}
