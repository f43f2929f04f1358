/**
 * The service's hand-written statements: its `last_modified` bump, and its
 * languages and category attributes read as HSDS rows (their column names
 * are the metadata's field names when an edit removes them). And the
 * prepared reads of the request's loaders, shaped as the entities: services
 * by id with their organization's columns (one read serves both loaders),
 * services of organizations, and the languages and categories of services.
 */
import type { EntityManager } from 'typeorm';
import { preparedRead } from '@caseflow/db';
import { organizationColumns, type OrganizationRow } from '../organization/organization.sql';
import { taxonomyTermColumns, toTaxonomyTermEntity, type TaxonomyTermRow } from '../taxonomy/taxonomy-term.sql';
import type { AttributeEntity } from '../taxonomy/attribute.entity';
import type { TaxonomyTermEntity } from '../taxonomy/taxonomy-term.entity';
import type { LanguageEntity } from './language.entity';
import type { ServiceEntity } from './service.entity';

export interface LanguageRow {
  id: string;
  service_id: string;
  name: string | null;
  code: string | null;
  [column: string]: unknown;
}

export interface CategoryAttributeRow {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  [column: string]: unknown;
}

const TOUCH_SERVICE_SQL = 'UPDATE resources.service SET last_modified = now() WHERE id = $1';
const LANGUAGES_OF_SERVICE_SQL = 'SELECT id, service_id, name, code FROM resources.language WHERE service_id = $1';
const CATEGORIES_OF_SERVICE_SQL = `SELECT id, link_id, link_type, link_entity, taxonomy_term_id FROM resources.attribute WHERE link_id = $1 AND link_entity = 'service'`;

/** A service changed when anything under it changed (HSDS `last_modified`). */
export async function touchService(tx: EntityManager, serviceId: string): Promise<void> {
  await tx.query(TOUCH_SERVICE_SQL, [serviceId]);
}

export function languagesOfService(tx: EntityManager, serviceId: string): Promise<LanguageRow[]> {
  return tx.query<LanguageRow[]>(LANGUAGES_OF_SERVICE_SQL, [serviceId]);
}

export function categoriesOfService(tx: EntityManager, serviceId: string): Promise<CategoryAttributeRow[]> {
  return tx.query<CategoryAttributeRow[]>(CATEGORIES_OF_SERVICE_SQL, [serviceId]);
}

export type ServiceRow = Pick<ServiceEntity, keyof ServiceEntity>;
export type LanguageEntityRow = Pick<LanguageEntity, keyof LanguageEntity>;

/** A service row with its organization's columns, prefixed `org_`. */
export type ServiceWithOrganizationRow = ServiceRow & { [K in keyof OrganizationRow as `org_${K}`]: OrganizationRow[K] };

/** A category attribute with its term's (`term_`) and the term's taxonomy's columns. */
export type CategoryRow = Omit<AttributeEntity, 'taxonomyTerm'> & TaxonomyTermRow<'term_'>;

/** The service's columns under `alias`, named as its entity's fields, each prefixed with `prefix`. */
export function serviceColumns(alias: string, prefix = ''): string {
  const a = alias;
  const as = (field: string) => `"${prefix}${field}"`;
  // numeric ages as float8: the same JS number the entity's transformer made of the driver's string.
  return `${a}.id AS ${as('id')}, ${a}.organization_id AS ${as('organizationId')}, ${a}.name AS ${as('name')},
  ${a}.alternate_name AS ${as('alternateName')}, ${a}.description AS ${as('description')}, ${a}.url AS ${as('url')},
  ${a}.email AS ${as('email')}, ${a}.status AS ${as('status')}, ${a}.application_process AS ${as('applicationProcess')},
  ${a}.fees_description AS ${as('feesDescription')}, ${a}.eligibility_description AS ${as('eligibilityDescription')},
  ${a}.minimum_age::float8 AS ${as('minimumAge')}, ${a}.maximum_age::float8 AS ${as('maximumAge')}`;
}

const SERVICE_COLUMNS = serviceColumns('s');

export const SERVICES_WITH_ORGANIZATION_BY_ID = preparedRead<ServiceWithOrganizationRow, [string[]]>(
  'resources.services-by-id',
  `SELECT ${SERVICE_COLUMNS}, ${organizationColumns('o', 'org_')}
   FROM resources.service s JOIN resources.organization o ON o.id = s.organization_id
   WHERE s.id = ANY($1::uuid[])`,
);

export const SERVICES_OF_ORGANIZATIONS = preparedRead<ServiceRow, [string[]]>(
  'resources.services-of-organizations',
  `SELECT ${SERVICE_COLUMNS} FROM resources.service s WHERE s.organization_id = ANY($1::uuid[]) ORDER BY s.name, s.id`,
);

export const LANGUAGES_OF_SERVICES = preparedRead<LanguageEntityRow, [string[]]>(
  'resources.languages-of-services',
  `SELECT id, service_id AS "serviceId", location_id AS "locationId", name, code
   FROM resources.language WHERE service_id = ANY($1::uuid[]) ORDER BY name, id`,
);

export const CATEGORIES_OF_SERVICES = preparedRead<CategoryRow, [string[]]>(
  'resources.categories-of-services',
  `SELECT a.id, a.link_id AS "linkId", a.link_type AS "linkType", a.link_entity AS "linkEntity",
     a.taxonomy_term_id AS "taxonomyTermId", a.value, ${taxonomyTermColumns('t', 'x', 'term_')}
   FROM resources.attribute a
   LEFT JOIN resources.taxonomy_term t ON t.id = a.taxonomy_term_id
   LEFT JOIN resources.taxonomy x ON x.id = t.taxonomy_id
   WHERE a.link_entity = 'service' AND a.link_id = ANY($1::uuid[])
   ORDER BY t.name, a.id`,
);

/** Splits a service row into the service and its organization. */
export function serviceAndOrganization(row: ServiceWithOrganizationRow): { service: ServiceEntity; organization: OrganizationRow } {
  const { org_id, org_name, org_alternateName, org_description, org_email, org_website, ...service } = row;
  return {
    service,
    organization: {
      id: org_id,
      name: org_name,
      alternateName: org_alternateName,
      description: org_description,
      email: org_email,
      website: org_website,
    },
  };
}

/** A category row as the attribute entity with its term (and the term's taxonomy) joined. */
export function toCategoryAttribute(row: CategoryRow): AttributeEntity {
  const { id, linkId, linkType, linkEntity, taxonomyTermId, value } = row;
  const taxonomyTerm: TaxonomyTermEntity | undefined = row.term_id === null ? undefined : toTaxonomyTermEntity(row, 'term_');
  return { id, linkId, linkType, linkEntity, taxonomyTermId, value, taxonomyTerm };
}
