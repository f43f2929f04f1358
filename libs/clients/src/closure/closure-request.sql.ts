/**
 * The hand-written reads of closure requests: each client's open or latest
 * request (one statement per batch) and the supervisors' queue, keyset-paged
 * by (not pending, requested_at, id) on closure_request_queue.
 */
import type { CursorPart } from '@caseflow/db';
import type { SqlRunner } from '../shared/sql';
import type { ApprovalStatus, ClosureRequestEntity } from './closure-request.entity';

const COLUMNS = `r.id, r.client_id AS "clientId", r.organization_id AS "organizationId", r.requested_by AS "requestedBy",
  r.requested_at AS "requestedAt", r.outcome, r.next_steps AS "nextSteps", r.rationale, r.status, r.decided_by AS "decidedBy",
  r.decided_at AS "decidedAt", r.decision_note AS "decisionNote", r.withdrawn_at AS "withdrawnAt"`;

const CURRENT_SQL = `SELECT DISTINCT ON (r.client_id) ${COLUMNS} FROM clients.closure_request r
  WHERE r.client_id = ANY($1::uuid[])
  ORDER BY r.client_id, (r.status <> 'PENDING'), r.requested_at DESC, r.id DESC`;

/** Each client's PENDING request, else its latest one. */
export const currentRequestsOf = (db: SqlRunner, clientIds: readonly string[]) =>
  db.query<ClosureRequestEntity[]>(CURRENT_SQL, [clientIds]);

/** The queue is keyed by (1 when not pending, requested_at, id): pending first, oldest first. */
export const QUEUE_CURSOR: readonly CursorPart[] = ['integer', 'timestamp', 'uuid'];

export type QueueRow = ClosureRequestEntity & { rank: number };

const queueSql = (after: boolean) => `SELECT ${COLUMNS}, (r.status <> 'PENDING')::int AS rank FROM clients.closure_request r
  WHERE r.organization_id = $1 AND r.status = ANY($2::text[])
  ${after ? `AND ((r.status <> 'PENDING')::int, r.requested_at, r.id) > ($4::int, $5::timestamptz, $6::uuid)` : ''}
  ORDER BY (r.status <> 'PENDING'), r.requested_at, r.id
  LIMIT $3`;
const QUEUE_SQL = queueSql(false);
const QUEUE_AFTER_SQL = queueSql(true);

export interface QueueParams {
  organizationId: string;
  statuses: readonly ApprovalStatus[];
  /** Rows to read: the page size plus one. */
  limit: number;
  after: [number, string, string] | null;
}

/** A page of the agency's requests in these statuses. */
export const queuePage = (db: SqlRunner, p: QueueParams) =>
  db.query<QueueRow[]>(p.after ? QUEUE_AFTER_SQL : QUEUE_SQL, [p.organizationId, p.statuses, p.limit, ...(p.after ?? [])]);

const COUNT_SQL = 'SELECT count(*)::int AS n FROM clients.closure_request r WHERE r.organization_id = $1 AND r.status = ANY($2::text[])';
/** How many of the agency's requests are in these statuses. */
export async function queueCount(db: SqlRunner, organizationId: string, statuses: readonly ApprovalStatus[]): Promise<number> {
  const [row] = await db.query<Array<{ n: number }>>(COUNT_SQL, [organizationId, statuses]);
  return row.n;
}
