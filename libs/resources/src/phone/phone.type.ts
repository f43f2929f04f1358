import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Phone')
export class Phone {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  number: string;

  @Field(() => String, { nullable: true })
  extension: string | null;

  @Field(() => String, { nullable: true })
  type: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}
