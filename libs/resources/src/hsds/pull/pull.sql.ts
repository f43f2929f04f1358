/** The statements of a pull: the sources' watermarks, the stored rows a pull compares with, and its provenance. */
import type { EntityManager } from 'typeorm';
import { insertRows } from '../../shared/insert-rows.sql';
import { hsdsTable, selectList, type TableName } from '../package';

const WATERMARK = `to_char(modified_after AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The source's watermark (the `modified_after` its next pull asks), or null before its first successful pull. */
export async function sourceWatermark(db: EntityManager, url: string): Promise<string | null> {
  const rows = await db.query<Array<{ modified_after: string | null }>>(
    `SELECT ${WATERMARK} AS modified_after FROM resources.hsds_source WHERE url = $1`,
    [url],
  );
  return rows[0]?.modified_after ?? null;
}

/** Locks the source's row until the pull's transaction ends, so that two pulls of one source write one after the other. */
export async function lockSource(tx: EntityManager, url: string): Promise<void> {
  await tx.query('SELECT url FROM resources.hsds_source WHERE url = $1 FOR UPDATE', [url]);
}

/** Records a successful pull; the watermark moves forward only (a pull that saw no later service keeps it). */
export async function saveSource(tx: EntityManager, url: string, modifiedAfter: string | null, now: Date, written: number): Promise<void> {
  await tx.query(
    `INSERT INTO resources.hsds_source (url, modified_after, last_pulled_at, last_rows_written) VALUES ($1, $2::timestamptz, $3, $4)
     ON CONFLICT (url) DO UPDATE SET modified_after = GREATEST(hsds_source.modified_after, EXCLUDED.modified_after),
       last_pulled_at = EXCLUDED.last_pulled_at, last_rows_written = EXCLUDED.last_rows_written`,
    [url, modifiedAfter, now, written],
  );
}

/** The stored rows of `table` among `ids`, every HSDS field as text. */
export function storedRows(tx: EntityManager, table: TableName, ids: string[]): Promise<Array<Record<string, string | null>>> {
  return tx.query(`SELECT ${selectList(hsdsTable(table), 't')} FROM resources.${table} t WHERE t.id = ANY($1::uuid[])`, [ids]);
}

const METADATA_COLUMNS = [
  'id',
  'resource_id',
  'resource_type',
  'last_action_date',
  'last_action_type',
  'field_name',
  'previous_value',
  'replacement_value',
  'updated_by',
] as const;

/** HSDS metadata rows, in as few statements as the bind-parameter limit allows. */
export function insertMetadata(tx: EntityManager, rows: ReadonlyArray<readonly string[]>): Promise<void> {
  return insertRows(tx, 'metadata', METADATA_COLUMNS, rows);
}
