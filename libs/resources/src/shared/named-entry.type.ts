import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The fields an HSDS organization and service begin with (type-graphql puts
 * inherited fields first). No field returns it, so it is not in the schema.
 */
@ObjectType()
export abstract class NamedEntry {
  @Field(() => ID)
  id: string;

  /** Shareable: the referrals subgraph provides a referral's service's and organization's names with the referral. */
  @Field(() => String)
  @Directive('@shareable')
  name: string;

  @Field(() => String, { nullable: true })
  alternateName: string | null;
}
