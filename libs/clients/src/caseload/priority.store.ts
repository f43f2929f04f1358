import type { DataSource } from 'typeorm';
import type { KeyDateValue, ClientStatus } from '../client/client.entity';
import { computePriority } from './priority.rules';

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface FactsRow {
  id: string;
  status: ClientStatus;
  intake_date: string;
  key_dates: KeyDateValue[];
  next_follow_up_at: Date | null;
  last_note_at: Date | null;
  created_at: Date;
  open_barriers: number;
}

/**
 * Recomputes and stores the priority of the given clients: one statement to
 * read their facts, one to write every score. Called inside the transaction
 * of any change to an input, and by the daily job.
 */
export async function recomputePriorities(db: Queryable, clientIds: string[], now = new Date()): Promise<void> {
  if (clientIds.length === 0) return;
  const rows = (await db.query(
    `SELECT c.id, c.status, c.intake_date::text AS intake_date, c.key_dates, c.next_follow_up_at, c.last_note_at, c.created_at,
            coalesce((SELECT a.barrier_count FROM clients.needs_assessment a
                      WHERE a.client_id = c.id ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1), 0) AS open_barriers
       FROM clients.client c WHERE c.id = ANY($1::uuid[])`,
    [clientIds],
  )) as FactsRow[];
  const results = rows.map((row) => ({
    id: row.id,
    ...computePriority(
      {
        status: row.status,
        intakeDate: row.intake_date,
        openBarriers: Number(row.open_barriers),
        keyDates: row.key_dates,
        nextFollowUpAt: row.next_follow_up_at,
        lastNoteAt: row.last_note_at,
        openedAt: row.created_at,
      },
      now,
    ),
  }));
  await db.query(
    `UPDATE clients.client AS c
        SET priority_score = (v->>'score')::int,
            priority_level = v->>'level',
            priority_reasons = ARRAY(SELECT jsonb_array_elements_text(v->'reasons')),
            priority_computed_at = $2
       FROM jsonb_array_elements($1::jsonb) AS v
      WHERE c.id = (v->>'id')::uuid`,
    [JSON.stringify(results), now],
  );
}

/**
 * The daily part: recomputes every open case not yet computed today (UTC),
 * in batches. `FOR UPDATE SKIP LOCKED` lets several replicas share the work
 * without computing a client twice. Returns how many clients it recomputed.
 */
export async function recomputeStalePriorities(dataSource: DataSource, now = new Date(), batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await dataSource.transaction(async (tx) => {
      const due = (await tx.query(
        `SELECT id FROM clients.client
          WHERE status <> 'CLOSED' AND (priority_computed_at IS NULL OR priority_computed_at < date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
          ORDER BY priority_computed_at NULLS FIRST
          LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, batchSize],
      )) as Array<{ id: string }>;
      await recomputePriorities(
        tx,
        due.map((r) => r.id),
        now,
      );
      return due.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
