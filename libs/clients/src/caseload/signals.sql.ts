/** The statements of the priority signals (clients.priority_signal): one upsert that only moves forward, and the read of a client's. */
import type { SqlRunner } from '../shared/sql';
import type { PrioritySignal, SignalKind } from './signals.rules';

export interface SignalWrite {
  clientId: string;
  kind: SignalKind;
  subjectId: string;
  status: string | null;
  label: string | null;
  count: number;
  day: string | null;
  /** When the fact happened; a row is replaced only by a fact as late or later. */
  at: Date;
  eventId: string;
}

const UPSERT_SQL = `INSERT INTO clients.priority_signal AS s (client_id, kind, subject_id, status, label, count, day, at, event_id)
 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
 ON CONFLICT (client_id, kind, subject_id) DO UPDATE
   SET status = excluded.status, label = excluded.label, count = excluded.count, day = excluded.day, at = excluded.at, event_id = excluded.event_id
 WHERE s.event_id <> excluded.event_id AND s.at <= excluded.at
 RETURNING client_id`;

/** Keeps the fact unless a later one is kept already (or this very event was applied); true when it changed something. */
export async function upsertSignal(db: SqlRunner, s: SignalWrite): Promise<boolean> {
  const rows = await db.query<unknown[]>(UPSERT_SQL, [s.clientId, s.kind, s.subjectId, s.status, s.label, s.count, s.day, s.at, s.eventId]);
  return rows.length > 0;
}

const END_SQL = `UPDATE clients.priority_signal SET status = 'ENDED'
  WHERE client_id = $1 AND kind = $2 AND subject_id = $3 AND status IS DISTINCT FROM 'ENDED' RETURNING client_id`;

/** Marks one fact as no longer counting (the follow-up of a referral that has ended); true when it counted until now. */
export async function endSignal(db: SqlRunner, clientId: string, kind: SignalKind, subjectId: string): Promise<boolean> {
  return (await db.query<unknown[]>(END_SQL, [clientId, kind, subjectId])).length > 0;
}

const STATUS_SQL = `SELECT status FROM clients.priority_signal WHERE client_id = $1 AND kind = $2 AND subject_id = $3`;

/** The kept status of one subject (a referral's last answer), or null. */
export async function signalStatus(db: SqlRunner, clientId: string, kind: SignalKind, subjectId: string): Promise<string | null> {
  const [row] = await db.query<Array<{ status: string | null }>>(STATUS_SQL, [clientId, kind, subjectId]);
  return row?.status ?? null;
}

/** A signal as the priority facts' read gives it (jsonb: dates as text). */
export interface SignalJson {
  kind: SignalKind;
  status: string | null;
  label: string | null;
  count: number;
  day: string | null;
  at: string;
}

export const toPrioritySignal = (s: SignalJson): PrioritySignal => ({ ...s, at: new Date(s.at) });

/** The signals of the client `c`, as one jsonb array (for the priority facts' statement). */
export const SIGNALS_OF_CLIENT = `coalesce((SELECT jsonb_agg(jsonb_build_object('kind', s.kind, 'status', s.status, 'label', s.label, 'count', s.count,
                                                    'day', s.day::text, 'at', s.at))
                 FROM clients.priority_signal s WHERE s.client_id = c.id), '[]'::jsonb) AS signals`;
