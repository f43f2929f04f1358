import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The resources subgraph's Organization, to which this subgraph contributes
 * the agency's settings (`timeZone`). Resolvable by key here (the reference
 * is just the id).
 */
@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id: string;
}

/** `__resolveReference` for Organization: only the key; its fields are read by their resolvers. */
export const organizationReference = (ref: { id: string }): OrganizationRef => ({ id: ref.id });
