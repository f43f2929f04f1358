/**
 * The taxonomy's prepared reads, shaped as `TaxonomyTermEntity` with its
 * taxonomy joined (the API shows the taxonomy's name): terms by id, the
 * top-level terms, and the children of a term. The column list is shared
 * with the reads that join terms (a service's categories).
 */
import { preparedRead } from '@caseflow/db';
import type { TaxonomyEntity } from './taxonomy.entity';
import type { TaxonomyTermEntity } from './taxonomy-term.entity';

type TermFields = Omit<TaxonomyTermEntity, 'taxonomy'>;
type TaxonomyFields = Pick<TaxonomyEntity, keyof TaxonomyEntity>;

/** A term's columns, then its taxonomy's (null when it has none), each prefixed with `P`. */
export type TaxonomyTermRow<P extends string = ''> = { [K in keyof TermFields as `${P}${K}`]: TermFields[K] } & {
  [K in keyof TaxonomyFields as `${P}taxonomy_${K}`]: TaxonomyFields[K] | null;
};

/** The columns of the term `term` and of its taxonomy `taxonomy` (LEFT JOINed), named as `TaxonomyTermRow<prefix>`. */
export function taxonomyTermColumns(term: string, taxonomy: string, prefix = ''): string {
  return [
    `${term}.id AS "${prefix}id"`,
    `${term}.taxonomy_id AS "${prefix}taxonomyId"`,
    `${term}.code AS "${prefix}code"`,
    `${term}.name AS "${prefix}name"`,
    `${term}.description AS "${prefix}description"`,
    `${term}.parent_id AS "${prefix}parentId"`,
    `${term}.term_uri AS "${prefix}termUri"`,
    `${taxonomy}.id AS "${prefix}taxonomy_id"`,
    `${taxonomy}.name AS "${prefix}taxonomy_name"`,
    `${taxonomy}.description AS "${prefix}taxonomy_description"`,
    `${taxonomy}.uri AS "${prefix}taxonomy_uri"`,
    `${taxonomy}.version AS "${prefix}taxonomy_version"`,
  ].join(', ');
}

/** A row of `taxonomyTermColumns` as the term entity with its taxonomy (null when the term has none). */
export function toTaxonomyTermEntity<P extends string>(row: TaxonomyTermRow<P>, prefix: P): TaxonomyTermEntity {
  const r = row as unknown as Record<string, string | null>;
  const at = (field: string) => r[`${prefix}${field}`];
  const taxonomyId = at('taxonomy_id');
  return {
    id: at('id') as string,
    taxonomyId: at('taxonomyId'),
    taxonomy:
      taxonomyId === null
        ? null
        : {
            id: taxonomyId,
            name: at('taxonomy_name') as string,
            description: at('taxonomy_description') as string,
            uri: at('taxonomy_uri'),
            version: at('taxonomy_version'),
          },
    code: at('code'),
    name: at('name') as string,
    description: at('description'),
    parentId: at('parentId'),
    termUri: at('termUri'),
  };
}

const FROM_TERMS = `SELECT ${taxonomyTermColumns('t', 'x')} FROM resources.taxonomy_term t LEFT JOIN resources.taxonomy x ON x.id = t.taxonomy_id`;

export const TAXONOMY_TERMS_BY_ID = preparedRead<TaxonomyTermRow, [string[]]>(
  'resources.taxonomy-terms-by-id',
  `${FROM_TERMS} WHERE t.id = ANY($1::uuid[])`,
);

export const TOP_LEVEL_TAXONOMY_TERMS = preparedRead<TaxonomyTermRow, []>(
  'resources.top-level-taxonomy-terms',
  `${FROM_TERMS} WHERE t.parent_id IS NULL ORDER BY t.name, t.id`,
);

export const CHILD_TAXONOMY_TERMS = preparedRead<TaxonomyTermRow, [string]>(
  'resources.child-taxonomy-terms',
  `${FROM_TERMS} WHERE t.parent_id = $1 ORDER BY t.name, t.id`,
);
