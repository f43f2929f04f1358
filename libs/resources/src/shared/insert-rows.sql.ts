/**
 * Batched inserts into the `resources` tables, as few statements as
 * PostgreSQL's bind-parameter limit allows: the seeds' (which skip rows that
 * exist, so that a seed can run again) and the data-package import's (which
 * updates them by id). `table` and `columns` are code constants, never input.
 */
import type { EntityManager } from 'typeorm';

// PostgreSQL's limit on bind parameters in one statement.
const MAX_PARAMETERS = 65_535;

async function insertInBatches(
  db: EntityManager,
  table: string,
  columnList: string,
  width: number,
  rows: ReadonlyArray<readonly unknown[]>,
  onConflict: string,
): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / width);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((row, r) => {
      if (row.length !== width) throw new Error(`${table}: a row has ${row.length} values for ${width} columns`);
      return `(${row.map((_, c) => `$${r * width + c + 1}`).join(', ')})`;
    });
    await db.query(
      `INSERT INTO resources.${table} (${columnList}) VALUES ${values.join(', ')} ON CONFLICT (id) ${onConflict}`,
      chunk.flat(),
    );
  }
}

/** Inserts the rows, skipping those whose id already exists. */
export function insertRows(
  db: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  return insertInBatches(db, table, columns.join(', '), columns.length, rows, 'DO NOTHING');
}

/** Inserts the rows, or updates every column of the row with the same id. */
export function upsertRows(
  db: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const quoted = columns.map((c) => `"${c}"`);
  const updates = quoted.filter((c) => c !== '"id"').map((c) => `${c} = EXCLUDED.${c}`);
  return insertInBatches(db, table, quoted.join(', '), columns.length, rows, `DO UPDATE SET ${updates.join(', ')}`);
}
