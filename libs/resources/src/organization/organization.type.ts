import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** An agency in the directory (HSDS organization). Its phones, locations and services are field resolvers. */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  alternateName: string | null;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;
}
