/**
 * The service's hand-written statements: its `last_modified` bump, and its
 * languages and category attributes read as HSDS rows (their column names
 * are the metadata's field names when an edit removes them).
 */
import type { EntityManager } from 'typeorm';

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
