import { Field, ID, ObjectType } from 'type-graphql';

/**
 * The fields an HSDS organization and service begin with (type-graphql puts
 * inherited fields first). No field returns it, so it is not in the schema.
 */
@ObjectType()
export abstract class NamedEntry {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  alternateName: string | null;
}
