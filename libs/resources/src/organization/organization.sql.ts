/**
 * The organization's prepared reads (on every request that shows an
 * organization): rows by id, shaped as `OrganizationEntity`. A service read
 * carries its organization's columns too (`service.sql.ts`), so the
 * `Service.organization` of a page sends nothing of its own.
 */
import { preparedRead } from '@caseflow/db';
import type { OrganizationEntity } from './organization.entity';

export type OrganizationRow = Pick<OrganizationEntity, keyof OrganizationEntity>;

/** The organization's columns under `alias`, named as its entity's fields, each prefixed with `prefix`. */
export function organizationColumns(alias: string, prefix = ''): string {
  return [
    `${alias}.id AS "${prefix}id"`,
    `${alias}.name AS "${prefix}name"`,
    `${alias}.alternate_name AS "${prefix}alternateName"`,
    `${alias}.description AS "${prefix}description"`,
    `${alias}.email AS "${prefix}email"`,
    `${alias}.website AS "${prefix}website"`,
  ].join(', ');
}

export const ORGANIZATIONS_BY_ID = preparedRead<OrganizationRow, [string[]]>(
  'resources.organizations-by-id',
  `SELECT ${organizationColumns('o')} FROM resources.organization o WHERE o.id = ANY($1::uuid[])`,
);
