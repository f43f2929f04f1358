/**
 * The HSDS 3.0 tables as the official tabular data package describes them
 * (`datapackage.json` beside this file): each table's CSV file, its fields in
 * order with their types, formats, required flags and enumerations, and its
 * foreign keys. The database uses the same table and column names, so the
 * import, the export and the HSDS API all read this one description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FieldType = 'string' | 'number' | 'date' | 'time' | 'datetime';

export interface HsdsField {
  name: string;
  type: FieldType;
  format: 'uuid' | 'uri' | 'email' | null;
  required: boolean;
  enum: readonly string[] | null;
}

export interface HsdsTable {
  name: string;
  path: string;
  fields: HsdsField[];
  /** Field → referenced table, for every reference the directory enforces. */
  references: Record<string, string>;
}

interface PackageResource {
  name: string;
  path: string;
  schema: {
    fields: Array<{ name: string; type: string; format?: string; constraints?: { required?: boolean; enum?: string[] } }>;
    foreignKeys?: Array<{ fields: string; reference: { resource: string } }>;
  };
}

/**
 * References kept as given, without a foreign key: descriptive links that
 * extracts often cut (the official examples point them outside the package).
 */
export const SOFT_REFERENCES: ReadonlySet<string> = new Set([
  'location.organization_id',
  'contact.organization_id',
  'contact.service_id',
  'contact.location_id',
  'contact.service_at_location_id',
  'taxonomy_term.taxonomy_id',
]);

/** The order tables are written in, so that every enforced reference points at a row already there. */
export const IMPORT_ORDER = [
  'taxonomy',
  'taxonomy_term',
  'organization',
  'program',
  'service',
  'location',
  'address',
  'service_at_location',
  'contact',
  'phone',
  'language',
  'schedule',
  'service_area',
  'cost_option',
  'required_document',
  'accessibility',
  'funding',
  'organization_identifier',
  'attribute',
  'metadata',
  'meta_table_description',
] as const;
export type TableName = (typeof IMPORT_ORDER)[number];

/** The datapackage.json descriptor shipped with this library. */
export function readDescriptor(): { resources: PackageResource[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, 'datapackage.json'), 'utf8'));
}

function toTable(resource: PackageResource): HsdsTable {
  const references: Record<string, string> = {};
  for (const key of resource.schema.foreignKeys ?? []) {
    if (!SOFT_REFERENCES.has(`${resource.name}.${key.fields}`)) references[key.fields] = key.reference.resource;
  }
  return {
    name: resource.name,
    path: resource.path,
    fields: resource.schema.fields.map((f) => ({
      name: f.name,
      type: f.type as FieldType,
      format: (f.format as HsdsField['format']) ?? null,
      required: f.constraints?.required === true,
      enum: f.constraints?.enum ?? null,
    })),
    references,
  };
}

let tables: Map<string, HsdsTable> | null = null;

/** Every HSDS table by name. */
export function hsdsTables(): Map<string, HsdsTable> {
  if (!tables) {
    const all = readDescriptor().resources.map(toTable);
    const byName = new Map(all.map((t) => [t.name, t]));
    const missing = IMPORT_ORDER.filter((name) => !byName.has(name));
    if (missing.length > 0 || byName.size !== IMPORT_ORDER.length)
      throw new Error(`datapackage.json does not describe the HSDS tables this library stores (${missing.join(', ')})`);
    tables = new Map(IMPORT_ORDER.map((name) => [name, byName.get(name) as HsdsTable]));
  }
  return tables;
}

export function hsdsTable(name: TableName): HsdsTable {
  return hsdsTables().get(name) as HsdsTable;
}

/** A SQL expression giving the column as HSDS writes it: dates, times and instants as ISO text, everything else as text. */
export function textExpression(field: HsdsField, alias: string, table?: string): string {
  const column = `${alias}."${field.name}"`;
  // HSDS requires a term's description; the Open Eligibility terms below the top level have none, so their name stands in.
  if (table === 'taxonomy_term' && field.name === 'description') return `coalesce(nullif(${column}, ''), ${alias}."name")`;
  switch (field.type) {
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'datetime':
      return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    default:
      return `${column}::text`;
  }
}

/** `SELECT` list of every HSDS field of the table, as text, under its own name. */
export function selectList(table: HsdsTable, alias: string): string {
  return table.fields.map((f) => `${textExpression(f, alias, table.name)} AS "${f.name}"`).join(', ');
}
