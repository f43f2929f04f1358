/**
 * Imports an HSDS tabular data package (datapackage.json and one CSV per
 * table) into the directory. Everything is checked before anything is
 * written — each cell against its field, each row against its table's rules,
 * each enforced reference against the package and the directory — and the
 * first problem is reported with its file, row and field. The rows are then
 * written in one transaction, as batched upserts by id: importing the same
 * package again updates the rows it holds and leaves others alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { restoreCsvCell } from '@caseflow/core';
import { CsvError, type CsvRow, parseCsv } from '../taxonomy/csv';
import { upsertRows } from '../shared/insert-rows.sql';
import { hsdsTables, type HsdsTable, IMPORT_ORDER, SOFT_REFERENCES } from './package';
import { existingIds } from './package.sql';
import { rowProblem, rowWarning } from './row-checks';
import { cellProblem } from './values';

export class PackageError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly field: string | null,
    readonly problem: string,
    readonly line: number | null = null,
  ) {
    super(
      `${file}${row !== null ? `, row ${row}${line !== null ? ` (line ${line})` : ''}` : ''}${field ? `, field ${field}` : ''}: ${problem}`,
    );
    this.name = 'PackageError';
  }
}

export interface ImportReport {
  /** Rows imported per table (inserted or updated). */
  rows: Record<string, number>;
  /** What was kept as given but deserves a look (dangling descriptive links, coordinates out of range). */
  warnings: string[];
}

/** The rows of one HSDS table, as text cells, and where they came from (a file, or a page of an HSDS API), for errors. */
export interface TableData {
  table: HsdsTable;
  file: string;
  rows: Array<{ row: number; line: number | null; cells: Record<string, string> }>;
}

const MAX_WARNINGS = 50;

function readPackage(dir: string): TableData[] {
  const descriptorPath = join(dir, 'datapackage.json');
  let descriptor: { resources?: Array<{ name?: string; path?: string }> };
  try {
    descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8'));
  } catch {
    throw new PackageError('datapackage.json', null, null, `is missing or not JSON in ${dir}`);
  }
  if (!Array.isArray(descriptor.resources))
    throw new PackageError('datapackage.json', null, 'resources', 'must list the package resources');
  const tables = hsdsTables();
  const seen = new Set<string>();
  return descriptor.resources.map((resource) => {
    const table = tables.get(resource.name ?? '');
    if (!table)
      throw new PackageError(
        'datapackage.json',
        null,
        'resources',
        `names ${JSON.stringify(resource.name)}, which is not an HSDS 3.0 table`,
      );
    if (seen.has(table.name)) throw new PackageError('datapackage.json', null, 'resources', `lists ${table.name} twice`);
    seen.add(table.name);
    const file = resource.path ?? table.path;
    if (file.includes('..') || file.startsWith('/'))
      throw new PackageError('datapackage.json', null, 'resources', `${table.name} has a path outside the package: ${file}`);
    if (!existsSync(join(dir, file))) throw new PackageError(file, null, null, 'is listed in datapackage.json but missing');
    return { table, file, rows: parseTable(table, file, readFileSync(join(dir, file), 'utf8')) };
  });
}

function parseTable(table: HsdsTable, file: string, text: string): TableData['rows'] {
  let all: CsvRow[];
  try {
    all = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new PackageError(file, null, null, error.message.replace(/^line \d+: /, ''), error.line);
    throw error;
  }
  const [header, ...body] = all;
  if (!header) throw new PackageError(file, null, null, 'is empty: a table needs at least its header row');
  const names = header.fields.map((name) => name.trim());
  const known = new Set(table.fields.map((f) => f.name));
  const unknown = names.find((name) => !known.has(name));
  if (unknown !== undefined) throw new PackageError(file, null, unknown, `is not a field of the HSDS ${table.name} table`);
  const missing = table.fields.find((f) => f.required && !names.includes(f.name));
  if (missing) throw new PackageError(file, null, missing.name, 'is a required column and the header lacks it');
  return body.map(({ line, fields }, index) => {
    if (fields.length !== names.length)
      throw new PackageError(file, index + 1, null, `has ${fields.length} fields where the header has ${names.length}`, line);
    // Cells our export kept from being read as formulas come back as they were.
    return { row: index + 1, line, cells: Object.fromEntries(names.map((name, i) => [name, restoreCsvCell(fields[i])])) };
  });
}

/** Every cell and row rule, and ids unique within each file; collects the warnings. */
export function checkRows(data: TableData, warnings: string[]): void {
  const ids = new Map<string, number>();
  for (const { row, line, cells } of data.rows) {
    for (const field of data.table.fields) {
      const problem = cellProblem(field, cells[field.name] ?? '');
      if (problem) throw new PackageError(data.file, row, field.name, problem, line);
    }
    const broken = rowProblem(data.table.name, cells);
    if (broken) throw new PackageError(data.file, row, broken.field, broken.problem, line);
    const earlier = ids.get(cells.id.toLowerCase());
    if (earlier !== undefined) throw new PackageError(data.file, row, 'id', `repeats the id of row ${earlier}`, line);
    ids.set(cells.id.toLowerCase(), row);
    const warning = rowWarning(data.table.name, cells);
    if (warning && warnings.length < MAX_WARNINGS) warnings.push(`${data.file}, row ${row}: ${warning}`);
  }
}

/** Every enforced reference points at a row of the package or of the directory; soft ones that do not are warnings. */
async function checkReferences(db: EntityManager, packageData: TableData[], warnings: string[]): Promise<void> {
  const idsInPackage = new Map(packageData.map((d) => [d.table.name, new Set(d.rows.map((r) => r.cells.id.toLowerCase()))]));
  const known = async (table: string, wanted: Set<string>): Promise<Set<string>> => {
    const inPackage = idsInPackage.get(table) ?? new Set<string>();
    const outside = [...wanted].filter((id) => !inPackage.has(id));
    const found = outside.length ? await existingIds(db, table, outside) : [];
    return new Set([...inPackage, ...found]);
  };
  for (const data of packageData) {
    const allReferences = data.table.fields.filter((f) => f.format === 'uuid' && f.name !== 'id');
    for (const field of allReferences) {
      const target = data.table.references[field.name] ?? softTarget(data.table.name, field.name);
      if (!target) continue;
      const wanted = new Set(data.rows.map((r) => (r.cells[field.name] ?? '').toLowerCase()).filter(Boolean));
      if (wanted.size === 0) continue;
      const present = await known(target, wanted);
      const dangling = data.rows.find((r) => r.cells[field.name] && !present.has(r.cells[field.name].toLowerCase()));
      if (!dangling) continue;
      if (data.table.references[field.name]) {
        throw new PackageError(
          data.file,
          dangling.row,
          field.name,
          `${dangling.cells[field.name]} is not the id of any ${target} in the package or the directory`,
          dangling.line,
        );
      }
      if (warnings.length < MAX_WARNINGS)
        warnings.push(
          `${data.file}, row ${dangling.row}, field ${field.name}: points at no ${target} in the package or the directory (kept as given)`,
        );
    }
  }
}

function softTarget(table: string, field: string): string | null {
  if (
    !SOFT_REFERENCES.has(`${table}.${field}`) &&
    !(table === 'taxonomy_term' && field === 'parent_id') &&
    !(table === 'organization' && field === 'parent_organization_id')
  )
    return null;
  if (field === 'parent_id') return 'taxonomy_term';
  if (field === 'parent_organization_id') return 'organization';
  return field.replace(/_id$/, '');
}

/** Writes the tables in reference order, as batched upserts by id, after checking their references; returns rows per table. */
export async function writeTables(tx: EntityManager, tables: TableData[], warnings: string[], now: Date): Promise<Record<string, number>> {
  await checkReferences(tx, tables, warnings);
  const byName = new Map(tables.map((d) => [d.table.name, d]));
  const rows: Record<string, number> = {};
  for (const name of IMPORT_ORDER) {
    const data = byName.get(name);
    if (!data) continue;
    await upsert(tx, data, now);
    rows[name] = data.rows.length;
  }
  return rows;
}

function upsert(db: EntityManager, data: TableData, now: Date): Promise<void> {
  const values = (cells: Record<string, string>) =>
    data.table.fields.map((f) => {
      const cell = cells[f.name] ?? '';
      // A service's last_modified is when it last changed: the package's, or now.
      if (cell === '') return data.table.name === 'service' && f.name === 'last_modified' ? now.toISOString() : null;
      return f.type === 'number' ? cell.trim() : cell;
    });
  return upsertRows(
    db,
    data.table.name,
    data.table.fields.map((f) => f.name),
    data.rows.map((r) => values(r.cells)),
  );
}

/** Imports the package in `dir`; throws PackageError (nothing written) on the first problem. */
export async function importPackage(dataSource: DataSource, dir: string, now = new Date()): Promise<ImportReport> {
  const packageData = readPackage(dir);
  const warnings: string[] = [];
  for (const data of packageData) checkRows(data, warnings);
  const rows = await dataSource.transaction((tx) => writeTables(tx, packageData, warnings, now));
  return { rows, warnings };
}
