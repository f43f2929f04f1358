/**
 * HSDS objects as another directory's API serves them (nested, as the HSDS
 * 3.0 compiled schemas shape them) back into table rows: the same relation
 * trees the directory's own API nests its objects by (`expand.ts`), walked
 * the other way. A nested object's link to its parent is filled in from
 * where it sits when the object leaves it out; a row met twice (an
 * organization under each of its services) is kept once. Values become the
 * text cells the data-package import checks; nested keys that are not
 * relations of the shape, and fields that are not HSDS fields of the table,
 * are not read.
 */
import type { Relation } from '../api/expand';
import { hsdsTable, type TableName } from '../package';

export type Cells = Record<string, string>;
/** Rows by table, each table's rows by id (lower case). */
export type RowsByTable = Map<TableName, Map<string, Cells>>;

export class ShapeError extends Error {
  constructor(
    readonly table: TableName,
    readonly field: string,
    problem: string,
  ) {
    super(problem);
    this.name = 'ShapeError';
  }
}

function cell(table: TableName, field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ShapeError(table, field, 'must be a string, number or boolean');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds the object (a `table` row) and everything nested in it by `relations` to `into`; `link` is its parent link to fill in. */
export function flatten(into: RowsByTable, table: TableName, object: unknown, relations: Relation[], link?: [string, string]): void {
  if (!isObject(object)) throw new ShapeError(table, 'id', 'must be an object');
  const cells: Cells = {};
  for (const field of hsdsTable(table).fields) cells[field.name] = cell(table, field.name, object[field.name]);
  if (link && cells[link[0]] === '') cells[link[0]] = link[1];
  for (const relation of relations) {
    const nested = object[relation.key];
    if (nested === undefined || nested === null) continue;
    if (relation.kind === 'children') {
      if (!Array.isArray(nested)) throw new ShapeError(table, relation.key, 'must be a list');
      for (const child of nested) flatten(into, relation.table, child, relation.nested ?? [], [relation.column, cells.id]);
    } else {
      flatten(into, relation.table, nested, relation.nested ?? []);
      if (cells[relation.column] === '' && isObject(nested)) cells[relation.column] = cell(table, relation.column, nested.id);
    }
  }
  let rows = into.get(table);
  if (!rows) into.set(table, (rows = new Map()));
  rows.set(cells.id.toLowerCase(), cells);
}
