/** The set-based statements of caseload priority: one read of many clients' facts, one write of every score. */
import type { SqlRunner } from '../shared/sql';
import type { ClientStatus, KeyDateValue } from '../client/client.entity';
import type { PriorityResult } from './priority.rules';
import { SIGNALS_OF_CLIENT, type SignalJson } from './signals.sql';

export interface PriorityFactsRow {
  id: string;
  organization_id: string;
  status: ClientStatus;
  intake_date: string;
  key_dates: KeyDateValue[];
  next_follow_up_at: Date | null;
  last_note_at: Date | null;
  created_at: Date;
  open_barriers: number;
  signals: SignalJson[];
}

const FACTS_SQL = `SELECT c.id, c.organization_id, c.status, c.intake_date::text AS intake_date, c.key_dates, c.next_follow_up_at, c.last_note_at, c.created_at,
            coalesce((SELECT a.barrier_count FROM clients.needs_assessment a
                      WHERE a.client_id = c.id ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1), 0) AS open_barriers,
            ${SIGNALS_OF_CLIENT}
       FROM clients.client c WHERE c.id = ANY($1::uuid[])`;

/** What a client's priority is computed from, for each of the clients (the barriers of the latest assessment, the signals other subgraphs sent). */
export const priorityFacts = (db: SqlRunner, clientIds: string[]) => db.query<PriorityFactsRow[]>(FACTS_SQL, [clientIds]);

const STORE_SQL = `UPDATE clients.client AS c
        SET priority_score = (v->>'score')::int,
            priority_level = v->>'level',
            priority_reasons = ARRAY(SELECT jsonb_array_elements_text(v->'reasons')),
            priority_computed_at = $2
       FROM jsonb_array_elements($1::jsonb) AS v
      WHERE c.id = (v->>'id')::uuid`;

/** Stores every client's computed priority in one statement. */
export const storePriorities = (db: SqlRunner, results: Array<{ id: string } & PriorityResult>, computedAt: Date) =>
  db.query(STORE_SQL, [JSON.stringify(results), computedAt]);

const STALE_SQL = `SELECT id FROM clients.client
          WHERE status <> 'CLOSED'
            AND (priority_computed_at IS NULL OR priority_computed_at < coalesce(($2::jsonb ->> organization_id::text)::timestamptz, $3::timestamptz))
          ORDER BY priority_computed_at NULLS FIRST
          LIMIT $1 FOR UPDATE SKIP LOCKED`;

/**
 * Open clients not computed yet since their agency's day began (`dayStarts`:
 * organization id → the instant its day began, computed by the caller with
 * the runtime's time-zone data; `utcDayStart` for any other), locked for
 * this transaction; `SKIP LOCKED` lets several replicas share the work.
 */
export const lockStalePriorities = (db: SqlRunner, limit: number, utcDayStart: Date, dayStarts: Readonly<Record<string, string>> = {}) =>
  db.query<Array<{ id: string }>>(STALE_SQL, [limit, JSON.stringify(dayStarts), utcDayStart]);
