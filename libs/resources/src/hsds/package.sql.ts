/** The statements of the data-package import and export; table names come from the HSDS descriptor, never input. */
import type { EntityManager } from 'typeorm';
import { type HsdsTable, selectList } from './package';

/** Which of `ids` are rows of `table`. */
export async function existingIds(db: EntityManager, table: string, ids: string[]): Promise<string[]> {
  const rows = await db.query<Array<{ id: string }>>(`SELECT id::text FROM resources.${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return rows.map((r) => r.id);
}

/** The next `limit` rows of `table` after `afterId`, by id, every HSDS field as text. */
export function exportBatch(
  db: EntityManager,
  table: HsdsTable,
  limit: number,
  afterId: string | null,
): Promise<Array<Record<string, string | null>>> {
  return db.query<Array<Record<string, string | null>>>(
    `SELECT ${selectList(table, 't')} FROM resources.${table.name} t ${afterId ? 'WHERE t.id > $2' : ''} ORDER BY t.id LIMIT $1`,
    afterId ? [limit, afterId] : [limit],
  );
}
