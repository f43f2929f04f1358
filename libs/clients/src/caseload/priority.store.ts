import type { DataSource, EntityManager } from 'typeorm';
import { agencyTimeZones, allAgencyTimeZones, startOfLocalDay } from './agency-time-zones';
import { computePriority } from './priority.rules';
import { lockStalePriorities, priorityFacts, storePriorities } from './priority.sql';
import { toPrioritySignal } from './signals.sql';

/**
 * Recomputes and stores the priority of the given clients: one statement to
 * read their facts, one to write every score. Called inside the transaction
 * of any change to an input, when another subgraph's event arrives
 * (signals.consumer.ts), and by the daily job. Days are each agency's.
 */
export async function recomputePriorities(db: EntityManager, clientIds: string[], now = new Date()): Promise<void> {
  if (clientIds.length === 0) return;
  const rows = await priorityFacts(db, clientIds);
  const zones = await agencyTimeZones(db, [...new Set(rows.map((row) => row.organization_id))]);
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
        signals: row.signals.map(toPrioritySignal),
      },
      now,
      zones.get(row.organization_id),
    ),
  }));
  await storePriorities(db, results, now);
}

/**
 * The daily part: recomputes every open case not yet computed today (in its
 * agency's time zone, so a day's follow-ups and dates turn at the agency's
 * midnight), in batches. `FOR UPDATE SKIP LOCKED` lets several replicas share the work
 * without computing a client twice. Returns how many clients it recomputed.
 */
export async function recomputeStalePriorities(dataSource: DataSource, now = new Date(), batchSize = 500): Promise<number> {
  let total = 0;
  const zones = await allAgencyTimeZones(dataSource);
  const dayStarts = Object.fromEntries(
    [...zones].map(([organizationId, zone]) => [organizationId, startOfLocalDay(now, zone).toISOString()]),
  );
  const utcDayStart = startOfLocalDay(now, 'UTC');
  for (;;) {
    const done = await dataSource.transaction(async (tx) => {
      const due = await lockStalePriorities(tx, batchSize, utcDayStart, dayStarts);
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
