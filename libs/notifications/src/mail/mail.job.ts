/**
 * The e-mail sender and the daily digest, run as interval jobs of the
 * subgraph. Both are safe in several replicas: the sender leases rows with
 * SKIP LOCKED, and the digest takes its notifications the same way and
 * writes one delivery per (person, kind, day) under a unique key.
 */
import type { DataSource } from 'typeorm';
import { addDays, DEFAULT_TIME_ZONE, errorFields, localDay, type Logger, startOfLocalDay } from '@caseflow/core';
import type { NotificationKind } from '../notification/notification.kinds';
import { composeDigest } from './mail.compose';
import { digestAgencies, insertDelivery, leaseDue, markAttemptFailed, markSent, takeDigests } from './mail.sql';
import type { MailTransport } from './mail.transport';

/** Attempts before a delivery is given up (FAILED); with the backoff below that is about two days of trying. */
export const MAX_MAIL_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;
/** How long a sender holds a delivery it is sending before another may take it. */
const LEASE_SECONDS = 300;

/** The pause before attempt `attempts + 1`: 30 s, 1 min, 2 min, … doubling, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export interface DeliveryRun {
  sent: number;
  failed: number;
}

/** Sends the deliveries due at `now` (a batch); each failure is retried later with backoff. */
export async function deliverDueMail(
  dataSource: DataSource,
  transport: MailTransport,
  logger: Logger,
  { now = new Date(), batch = 50 }: { now?: Date; batch?: number } = {},
): Promise<DeliveryRun> {
  const due = await leaseDue(dataSource, now, batch, LEASE_SECONDS);
  const run: DeliveryRun = { sent: 0, failed: 0 };
  for (const delivery of due) {
    try {
      await transport.send({ id: delivery.id, to: delivery.to_address, subject: delivery.subject, text: delivery.body });
      await markSent(dataSource, delivery.id);
      run.sent += 1;
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      await markAttemptFailed(dataSource, delivery.id, message, new Date(now.getTime() + retryDelayMs(attempts)), MAX_MAIL_ATTEMPTS);
      // The address is a staff member's, not a client's; still, only the delivery id is logged.
      logger.warn('e-mail delivery failed', { delivery: delivery.id, attempts, ...errorFields(error) });
      run.failed += 1;
    }
  }
  return run;
}

/** Each agency's time zone (the clients subgraph's setting; UTC when unset). */
export type AgencyTimeZones = (organizationIds: string[]) => Promise<Map<string, string>>;

const everyAgencyInUtc: AgencyTimeZones = async () => new Map();

/**
 * Turns the notifications waiting for a digest that were created before
 * today — the day of the recipient's agency, in its time zone — into one
 * delivery per (person, kind), keyed by the day they cover. Returns how many
 * digests it wrote.
 */
export async function sendDailyDigests(
  dataSource: DataSource,
  dashboardUrl: string,
  now: Date = new Date(),
  timeZones: AgencyTimeZones = everyAgencyInUtc,
): Promise<number> {
  const agencies = await digestAgencies(dataSource);
  if (agencies.length === 0) return 0;
  const zones = await timeZones(agencies);
  let written = 0;
  for (const organizationId of agencies)
    written += await sendAgencyDigests(dataSource, dashboardUrl, now, organizationId, zones.get(organizationId));
  return written;
}

async function sendAgencyDigests(
  dataSource: DataSource,
  dashboardUrl: string,
  now: Date,
  organizationId: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): Promise<number> {
  const today = startOfLocalDay(now, timeZone);
  const day = addDays(localDay(now, timeZone), -1);
  return dataSource.transaction(async (m) => {
    const groups = await takeDigests(m, organizationId, today);
    for (const g of groups) {
      const mail = composeDigest(g.kind as NotificationKind, g.n, day, dashboardUrl);
      await insertDelivery(m, {
        recipientId: g.recipient_id,
        to: g.to_address,
        kind: g.kind,
        subject: mail.subject,
        body: mail.text,
        digestKey: `${g.recipient_id}:${g.kind}:${day}`,
      });
    }
    return groups.length;
  });
}
