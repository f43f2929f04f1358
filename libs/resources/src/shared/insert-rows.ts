import type { EntityManager } from 'typeorm';

// PostgreSQL's limit on bind parameters in one statement.
const MAX_PARAMETERS = 65_535;

/**
 * Inserts rows into a `resources` table with as few statements as the
 * parameter limit allows, skipping rows whose id already exists (so a seed
 * or an import can run again). `table` and `columns` are code constants,
 * never input.
 */
export async function insertRows(
  db: EntityManager,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map((row, r) => {
      if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
      return `(${row.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`;
    });
    await db.query(
      `INSERT INTO resources.${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING`,
      chunk.flat(),
    );
  }
}
