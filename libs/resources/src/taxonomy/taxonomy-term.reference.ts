import type { ResourcesContext } from '../context';
import type { TaxonomyTerm } from './taxonomy-term.type';

/** `__resolveReference` for `TaxonomyTerm`: batched through the loaders; null for unknown ids and callers who may not read the directory. */
export function resolveTaxonomyTermReference(reference: { id: string }, ctx: ResourcesContext): Promise<TaxonomyTerm | null> {
  return ctx.taxonomyTerms.reference(ctx.actor, reference.id);
}
