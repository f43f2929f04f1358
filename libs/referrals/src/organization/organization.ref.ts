import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The resources subgraph's Organization, to which this subgraph contributes
 * `incomingReferrals`. Resolvable by key here (the reference is just the id);
 * who may see an organization's inbox is decided in the field resolver. Its
 * `name` is the directory's, provided only with a referral's service.
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @Directive('@external')
  name?: string;
}
