import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { TaxonomyTerm } from './taxonomy-term.type';

@Resolver(() => TaxonomyTerm)
export class TaxonomyTermResolver {
  @Query(() => [TaxonomyTerm], { description: 'The children of parentId, or the top-level terms when it is not given.' })
  taxonomyTerms(@Ctx() ctx: ResourcesContext, @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null): Promise<TaxonomyTerm[]> {
    return ctx.taxonomyTerms.list(ctx.actor, parentId);
  }

  @FieldResolver(() => TaxonomyTerm, { nullable: true })
  parent(@Root() term: TaxonomyTerm, @Ctx() ctx: ResourcesContext): Promise<TaxonomyTerm | null> {
    return ctx.taxonomyTerms.parent(term);
  }
}
