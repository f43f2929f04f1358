import type { TaxonomyTermEntity } from './taxonomy-term.entity';
import type { TaxonomyTerm } from './taxonomy-term.type';

/** Maps a term loaded with its taxonomy (the API shows the taxonomy's name). */
export function toTaxonomyTerm(entity: TaxonomyTermEntity): TaxonomyTerm {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    description: entity.description,
    taxonomy: entity.taxonomy?.name ?? null,
    parentId: entity.parentId,
  };
}
