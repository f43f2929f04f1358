import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganizationRef } from '../organization/organization.ref';

/**
 * The resources subgraph's Service, which a referral points at by key. This
 * subgraph contributes no field to it, so it is not resolvable here; it
 * provides the service's name and its organization's id and name with a
 * referral (`Referral.service`'s `@provides`, service-names.ts), which the
 * gateway then does not ask the resources subgraph for.
 */
@ObjectType('Service')
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  @Directive('@external')
  name?: string;

  @Field(() => OrganizationRef)
  @Directive('@external')
  organization?: OrganizationRef;
}
