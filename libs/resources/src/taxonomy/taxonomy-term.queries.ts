import type { DataSource } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { uuid } from '@caseflow/core';
import { runPrepared } from '@caseflow/db';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import type { TaxonomyTerm } from './taxonomy-term.type';
import { toTaxonomyTerm } from './taxonomy-term.mapper';
import { CHILD_TAXONOMY_TERMS, TOP_LEVEL_TAXONOMY_TERMS, toTaxonomyTermEntity } from './taxonomy-term.sql';

/** Taxonomy reads: browsing the hierarchy one level at a time, and terms by reference. */
export class TaxonomyTermQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: ResourcesLoaders,
  ) {}

  /** The children of `parentId` by name, or the top-level terms when it is null; an unknown parent has none. */
  async list(actor: Actor, parentId: string | null | undefined, field = 'parentId'): Promise<TaxonomyTerm[]> {
    assertCanReadDirectory(actor);
    const rows =
      parentId == null
        ? await runPrepared(this.dataSource, TOP_LEVEL_TAXONOMY_TERMS, [])
        : await runPrepared(this.dataSource, CHILD_TAXONOMY_TERMS, [uuid(field, parentId)]);
    return rows.map((row) => toTaxonomyTerm(toTaxonomyTermEntity(row, '')));
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
