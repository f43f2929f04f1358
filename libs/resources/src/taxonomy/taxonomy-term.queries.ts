import { IsNull, type DataSource } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { uuid } from '@caseflow/core';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { TaxonomyTermEntity } from './taxonomy-term.entity';
import type { TaxonomyTerm } from './taxonomy-term.type';
import { toTaxonomyTerm } from './taxonomy-term.mapper';

/** Taxonomy reads: browsing the hierarchy one level at a time, and terms by reference. */
export class TaxonomyTermQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ResourcesLoaders,
  ) {}

  /** The children of `parentId` by name, or the top-level terms when it is null; an unknown parent has none. */
  async list(actor: Actor, parentId: string | null | undefined, field = 'parentId'): Promise<TaxonomyTerm[]> {
    assertCanReadDirectory(actor);
    const parent = parentId == null ? IsNull() : uuid(field, parentId);
    const rows = await this.dataSource.getRepository(TaxonomyTermEntity).find({
      where: { parentId: parent },
      relations: { taxonomy: true },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toTaxonomyTerm);
  }

  /** For `__resolveReference` (e.g. a referral outcome cell's term): batched; unknown ids resolve to null. */
  async reference(actor: Actor, id: string): Promise<TaxonomyTerm | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.taxonomyTerm.load(id);
    return entity ? toTaxonomyTerm(entity) : null;
  }

  async parent(term: TaxonomyTerm): Promise<TaxonomyTerm | null> {
    if (!term.parentId) return null;
    const entity = await this.loaders.taxonomyTerm.load(term.parentId);
    return entity ? toTaxonomyTerm(entity) : null;
  }
}
