import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A category of the directory's taxonomy (HSDS taxonomy_term). */
@ObjectType('TaxonomyTerm')
@Directive('@key(fields: "id")')
export class TaxonomyTerm {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  code: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "The name of the taxonomy the term belongs to, e.g. 'Open Eligibility'." })
  taxonomy: string | null;

  /** Not a GraphQL field: `parent` is a field resolver. */
  parentId: string | null;
}
