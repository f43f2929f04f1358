/**
 * The audit trail's statements: the append of events (one INSERT of any
 * number of rows, always the same text) and a client's events in one
 * subgraph, newest first (index audit_event_client_at_idx). Each runs on
 * whatever the caller holds — the request's transaction for a change, the
 * data source for a group commit or a read.
 */

/** A data source, an entity manager or a transaction's query runner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** One event as it is stored. */
export interface AuditEventRow {
  actor_id: string;
  actor_role: string;
  actor_organization_id: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  client_id: string | null;
  outcome: 'ALLOWED' | 'DENIED';
  detail: string | null;
  request_id: string;
}

const COLUMNS: ReadonlyArray<keyof AuditEventRow> = [
  'actor_id',
  'actor_role',
  'actor_organization_id',
  'action',
  'entity_type',
  'entity_id',
  'client_id',
  'outcome',
  'detail',
  'request_id',
];

const TYPES: Record<keyof AuditEventRow, 'uuid' | 'text'> = {
  actor_id: 'uuid',
  actor_role: 'text',
  actor_organization_id: 'uuid',
  action: 'text',
  entity_type: 'text',
  entity_id: 'text',
  client_id: 'uuid',
  outcome: 'text',
  detail: 'text',
  request_id: 'text',
};

/** The columns stored as uuid: the database refuses a row whose value there is not one. */
export const UUID_COLUMNS: ReadonlyArray<keyof AuditEventRow> = COLUMNS.filter((column) => TYPES[column] === 'uuid');

/**
 * Appends `rows` to the schema's audit table in one statement, one array a
 * column: the text is the same whatever the number of rows (one plan, one
 * entry in pg_stat_statements), and no count of parameters caps a batch.
 * Rows are numbered in the order given.
 */
export async function insertAuditEvents(db: Queryable, schema: string, rows: readonly AuditEventRow[]): Promise<void> {
  await db.query(
    `INSERT INTO "${schema}".audit_event (${COLUMNS.join(', ')}) SELECT * FROM unnest(${COLUMNS.map((column, i) => `$${i + 1}::${TYPES[column]}[]`).join(', ')})`,
    COLUMNS.map((column) => rows.map((row) => row[column])),
  );
}

/** A stored event with its id and time (ISO-8601 with microseconds, so that positions compare exactly). */
export interface AuditTrailRow extends AuditEventRow {
  id: string;
  at: string;
}

/** A client's events, newest first; only those strictly older than `before` (time, then id) when given. */
export async function selectClientAuditEvents(
  db: Queryable,
  schema: string,
  query: { clientId: string; before: { at: string; id: string } | null; limit: number },
): Promise<AuditTrailRow[]> {
  return (await db.query(
    `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor_id, actor_role, actor_organization_id, action, entity_type, entity_id, client_id, outcome, detail, request_id
       FROM "${schema}".audit_event
      WHERE client_id = $1 ${query.before ? 'AND (at, id) < ($3::timestamptz, $4::bigint)' : ''}
      ORDER BY at DESC, id DESC LIMIT $2`,
    query.before ? [query.clientId, query.limit, query.before.at, query.before.id] : [query.clientId, query.limit],
  )) as AuditTrailRow[];
}
