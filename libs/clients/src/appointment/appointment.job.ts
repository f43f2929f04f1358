import type { DataSource } from 'typeorm';
import type { Logger } from '@caseflow/core';
import { startCountingJob } from '@caseflow/federation';
import type { JobObserver } from '@caseflow/telemetry';
import { recordAppointmentEvent } from './appointment.events';
import { appointmentsStarting } from './appointment.sql';

const SOON_MS = 24 * 3_600_000;
const BATCH = 500;

/**
 * Records `appointment.soon` for each SCHEDULED appointment starting within
 * 24 hours, once per appointment and start day (`onceKey`), however many
 * ticks or replicas see it; a rescheduled appointment on another day is
 * told again. Returns how many were recorded.
 */
export async function recordAppointmentsSoon(dataSource: DataSource, now = new Date()): Promise<number> {
  let recorded = 0;
  let from = now;
  for (;;) {
    const rows = await appointmentsStarting(dataSource, from, new Date(now.getTime() + SOON_MS), BATCH);
    for (const row of rows) {
      const onceKey = `appointment.soon:${row.id}:${row.starts_at.toISOString().slice(0, 10)}`;
      recorded += await dataSource.transaction((tx) => recordAppointmentEvent(tx, 'appointment.soon', row, { onceKey }));
    }
    if (rows.length < BATCH) return recorded;
    from = new Date(rows[rows.length - 1].starts_at.getTime() + 1);
  }
}

/** The reminder job: once per tick across replicas. */
export function startAppointmentSoonJob(
  dataSource: DataSource,
  intervalMs: number,
  logger: Logger,
  observer?: JobObserver,
): () => Promise<void> {
  const run = () => recordAppointmentsSoon(dataSource);
  return startCountingJob(
    dataSource,
    { name: 'appointment-soon', schema: 'clients', run, logged: 'appointment reminders recorded' },
    intervalMs,
    logger,
    observer,
  );
}
