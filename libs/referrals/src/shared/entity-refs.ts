/**
 * Other subgraphs' entities that a referral points at, by key only. This
 * subgraph contributes no field to them, so they are not resolvable here.
 * (Client, Organization and Goal, which this subgraph adds fields to, have
 * their own folders.)
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The resources subgraph's Service. */
@ObjectType('Service')
@Directive('@key(fields: "id", resolvable: false)')
export class ServiceRef {
  @Field(() => ID)
  id: string;
}

/** The clients subgraph's StaffMember. */
@ObjectType('StaffMember')
@Directive('@key(fields: "id", resolvable: false)')
export class StaffMemberRef {
  @Field(() => ID)
  id: string;
}

/** The resources subgraph's TaxonomyTerm (outcome cells grouped by term). */
@ObjectType('TaxonomyTerm')
@Directive('@key(fields: "id", resolvable: false)')
export class TaxonomyTermRef {
  @Field(() => ID)
  id: string;
}

/** A reference to `id`, or null when there is none. */
export function refTo(id: string | null): { id: string } | null {
  return id ? { id } : null;
}
