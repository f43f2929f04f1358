import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The resources subgraph's TaxonomyTerm (outcome cells grouped by term), by
 * key only. This subgraph contributes no field to it, so it is not
 * resolvable here.
 */
@ObjectType('TaxonomyTerm')
@Directive('@key(fields: "id", resolvable: false)')
export class TaxonomyTermRef {
  @Field(() => ID)
  id: string;
}
