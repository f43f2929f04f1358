/**
 * HSDS objects with their related objects nested, as the HSDS 3.0 compiled
 * schemas shape them. A shape is a tree of relations; each relation is read
 * for all the objects of a level in one SQL statement, so a page of objects
 * costs one statement per relation of its shape, however many it holds.
 */
import type { EntityManager } from 'typeorm';
import { hsdsTable, type TableName } from '../package';
import { jsonValue } from '../values';
import { relatedRows, type TextRow } from './hsds-api.sql';

export type { TextRow };
export type HsdsObject = Record<string, unknown>;

export interface Relation {
  /** The property the related objects go under. */
  key: string;
  table: TableName;
  /** `children`: rows whose `column` holds the parent's id; `parent`: the row whose id the parent's `column` holds. */
  kind: 'children' | 'parent';
  column: string;
  /** An extra condition on the related rows (a code constant, e.g. the attribute's link_entity). */
  where?: string;
  nested?: Relation[];
}

interface Node {
  row: TextRow;
  json: HsdsObject;
}

/** The JSON of a stored row: every HSDS field that has a value, numbers as numbers. */
export function toJson(table: TableName, row: TextRow, now: Date): HsdsObject {
  const json: HsdsObject = {};
  for (const field of hsdsTable(table).fields) {
    const value = jsonValue(field, row[field.name] ?? null, now);
    if (value !== undefined) json[field.name] = value;
  }
  return json;
}

async function expandLevel(db: EntityManager, nodes: Node[], relations: Relation[], now: Date): Promise<void> {
  for (const relation of relations) {
    const table = hsdsTable(relation.table);
    const keys = [
      ...new Set(nodes.map((n) => (relation.kind === 'children' ? n.row.id : n.row[relation.column])).filter((k): k is string => !!k)),
    ];
    // Asked even with no keys, so that a shape always costs the same statements, whatever the page holds.
    const match = relation.kind === 'children' ? `t."${relation.column}"` : 't.id';
    const rows = await relatedRows(db, table, match, keys, relation.where);
    const found: Node[] = rows.map((row) => ({ row, json: toJson(relation.table, row, now) }));
    if (relation.nested) await expandLevel(db, found, relation.nested, now);
    if (relation.kind === 'children') {
      const groups = new Map<string, HsdsObject[]>();
      for (const child of found) {
        const parent = child.row[relation.column] as string;
        const group = groups.get(parent);
        if (group) group.push(child.json);
        else groups.set(parent, [child.json]);
      }
      for (const node of nodes) node.json[relation.key] = groups.get(node.row.id as string) ?? [];
    } else {
      const byId = new Map(found.map((child) => [child.row.id, child.json]));
      for (const node of nodes) {
        const related = byId.get(node.row[relation.column] ?? '');
        if (related) node.json[relation.key] = related;
      }
    }
  }
}

/** The rows of `table` as HSDS objects with `relations` nested, in the rows' order. */
export async function expand(
  db: EntityManager,
  table: TableName,
  rows: TextRow[],
  relations: Relation[],
  now: Date,
): Promise<HsdsObject[]> {
  const nodes = rows.map((row) => ({ row, json: toJson(table, row, now) }));
  await expandLevel(db, nodes, relations, now);
  return nodes.map((n) => n.json);
}

const children = (key: string, table: TableName, column: string, nested?: Relation[], where?: string): Relation => ({
  key,
  table,
  kind: 'children',
  column,
  nested,
  where,
});
const parent = (key: string, table: TableName, column: string, nested?: Relation[]): Relation => ({
  key,
  table,
  kind: 'parent',
  column,
  nested,
});

const attributes = (entity: string) =>
  children(
    'attributes',
    'attribute',
    'link_id',
    [parent('taxonomy_term', 'taxonomy_term', 'taxonomy_term_id')],
    `t.link_entity = '${entity}'`,
  );
const metadata = (entity: string) => children('metadata', 'metadata', 'resource_id', undefined, `t.resource_type = '${entity}'`);
const languages = (column: string) => children('languages', 'language', column);
const phones = (column: string) => children('phones', 'phone', column, [languages('phone_id')]);
const schedules = (column: string) => children('schedules', 'schedule', column);
const contacts = (column: string) => children('contacts', 'contact', column, [phones('contact_id')]);

const LOCATION_FULL: Relation[] = [
  languages('location_id'),
  children('addresses', 'address', 'location_id'),
  contacts('location_id'),
  children('accessibility', 'accessibility', 'location_id'),
  phones('location_id'),
  schedules('location_id'),
  attributes('location'),
  metadata('location'),
];

/** What hangs off a service at a location, fully nested (within a service, or before its service). */
const SERVICE_AT_LOCATION_OWN: Relation[] = [
  contacts('service_at_location_id'),
  phones('service_at_location_id'),
  schedules('service_at_location_id'),
  parent('location', 'location', 'location_id', LOCATION_FULL),
  attributes('service_at_location'),
  metadata('service_at_location'),
];

/** A service's one-to-one fields with its organization and program (HSDS service_list). */
export const SERVICE_LIST: Relation[] = [
  parent('organization', 'organization', 'organization_id'),
  parent('program', 'program', 'program_id'),
];

/** A fully nested service (HSDS compiled service). */
export const SERVICE_FULL: Relation[] = [
  phones('service_id'),
  schedules('service_id'),
  children('service_areas', 'service_area', 'service_id'),
  children('service_at_locations', 'service_at_location', 'service_id', SERVICE_AT_LOCATION_OWN),
  languages('service_id'),
  parent('organization', 'organization', 'organization_id'),
  children('funding', 'funding', 'service_id'),
  children('cost_options', 'cost_option', 'service_id'),
  parent('program', 'program', 'program_id'),
  children('required_documents', 'required_document', 'service_id'),
  contacts('service_id'),
  attributes('service'),
  metadata('service'),
];

/** A service at a location with its location and service (HSDS service_at_location_list). */
export const SERVICE_AT_LOCATION_LIST: Relation[] = [
  parent('location', 'location', 'location_id'),
  parent('service', 'service', 'service_id', SERVICE_LIST),
];

/** A fully nested service at a location (HSDS compiled service_at_location). */
export const SERVICE_AT_LOCATION_FULL: Relation[] = [...SERVICE_AT_LOCATION_OWN, parent('service', 'service', 'service_id', SERVICE_LIST)];

/** A fully nested organization (HSDS compiled organization); its services as a list, or fully nested. */
export function organizationFull(fullServices: boolean): Relation[] {
  return [
    children('funding', 'funding', 'organization_id'),
    contacts('organization_id'),
    phones('organization_id'),
    children('locations', 'location', 'organization_id', LOCATION_FULL),
    children('programs', 'program', 'organization_id'),
    children('organization_identifiers', 'organization_identifier', 'organization_id'),
    attributes('organization'),
    metadata('organization'),
    children('services', 'service', 'organization_id', fullServices ? SERVICE_FULL : []),
  ];
}

/** A taxonomy term with the taxonomy it belongs to. */
export const TAXONOMY_TERM: Relation[] = [parent('taxonomy_detail', 'taxonomy', 'taxonomy_id')];
