/**
 * The expiry sweep: referrals still waiting for an answer (SENT or
 * WAITLISTED) past their `respondBy` become EXPIRED, each with a history
 * event and an audit event, in one statement per batch. Safe in several
 * replicas at once: due rows are locked with FOR UPDATE SKIP LOCKED, so two
 * sweeps never take the same referral, and the UPDATE re-checks the status,
 * so a partner's answer that commits first wins (and one that comes second
 * finds the referral EXPIRED and gets INVALID_TRANSITION).
 */
import type { DataSource } from 'typeorm';
import { type JobRunning, startCountingJob } from '@caseflow/federation';
import { recordReferralEvents, referralExpired, referralFactsOfRow } from '../referral/referral.events';
import { expireDue } from './expiry.sql';

/** How often the sweep runs unless configured otherwise. */
export const DEFAULT_JOB_INTERVAL_MS = 60_000;
/** Rows one statement expires; a sweep repeats until a batch comes back short. */
export const EXPIRY_BATCH = 500;
/** The audit trail's actor for moves the system makes (no staff member made them). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
export const EXPIRY_NOTE = 'No answer by the deadline';

export interface ExpiredReferral {
  id: string;
  clientId: string;
  from: string;
}

/** Expires one batch of due referrals, with their `referral.expired` events; returns what it expired. */
export async function expireDueReferrals(dataSource: DataSource, batch = EXPIRY_BATCH): Promise<ExpiredReferral[]> {
  const rows = await dataSource.transaction(async (tx) => {
    const expired = await expireDue(tx, { batch, note: EXPIRY_NOTE, systemActorId: SYSTEM_ACTOR_ID });
    await recordReferralEvents(
      tx,
      expired.map((r) => referralExpired(referralFactsOfRow(r))),
    );
    return expired;
  });
  return rows.map((r) => ({ id: r.id, clientId: r.client_id, from: r.from_status }));
}

/** Expires every due referral, batch after batch. */
export async function sweepExpiredReferrals(dataSource: DataSource, batch = EXPIRY_BATCH): Promise<ExpiredReferral[]> {
  const all: ExpiredReferral[] = [];
  for (;;) {
    const expired = await expireDueReferrals(dataSource, batch);
    all.push(...expired);
    if (expired.length < batch) return all;
  }
}

/**
 * Runs the sweep every `intervalMs` (the subgraph's job interval; 0 runs
 * nothing, for tests that call the sweep themselves), once per tick across
 * replicas (the tick is claimed in `referrals.scheduled_job`). A failed run
 * (the database away) is logged and tried again at the next tick.
 */
export function startExpirySweep(dataSource: DataSource, ...running: JobRunning): () => Promise<void> {
  const run = async () => (await sweepExpiredReferrals(dataSource)).length;
  return startCountingJob(dataSource, { name: 'referral-expiry', schema: 'referrals', run, logged: 'referrals expired' }, ...running);
}
