/**
 * The consent reminder: each day, for every active consent of an open case
 * that expires exactly 14 days after the agency's local today, the event
 * `consent.expiring` (the notifications subgraph tells the case manager).
 * Recorded once per (consent, agency day) however many ticks or replicas
 * run it (the outbox's once-keys); a tick only looks at consents expiring
 * in the next 13 to 16 days, so it stays cheap.
 */
import type { DataSource } from 'typeorm';
import { addDays, DEFAULT_TIME_ZONE, localDay, type Logger } from '@caseflow/core';
import { recordEvents } from '@caseflow/events';
import { startCountingJob } from '@caseflow/federation';
import type { JobObserver } from '@caseflow/telemetry';
import { consentExpiring } from './consent.events';
import { consentsExpiringBetween } from './consent-expiry.sql';

/** How many days ahead of its expiry a consent is announced. */
export const CONSENT_NOTICE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Records `consent.expiring` for the consents expiring 14 agency-local days after `now`; returns how many were recorded (not before). */
export function recordExpiringConsents(dataSource: DataSource, now = new Date()): Promise<number> {
  return dataSource.transaction(async (tx) => {
    // Every time zone's "14 days from today" lies within these bounds (offsets are within ±14 hours; a local day within 26 hours).
    const from = new Date(now.getTime() + (CONSENT_NOTICE_DAYS - 2) * DAY_MS);
    const to = new Date(now.getTime() + (CONSENT_NOTICE_DAYS + 2) * DAY_MS);
    const rows = await consentsExpiringBetween(tx, now, from, to);
    const events = rows.flatMap((row) => {
      const zone = row.time_zone ?? DEFAULT_TIME_ZONE;
      const today = localDay(now, zone);
      const expiresOn = localDay(row.expires_at, zone);
      if (expiresOn !== addDays(today, CONSENT_NOTICE_DAYS)) return [];
      const facts = { consentId: row.id, clientId: row.client_id, organizationId: row.organization_id };
      return [consentExpiring(facts, expiresOn, today)];
    });
    return events.length === 0 ? 0 : recordEvents(tx, 'clients', events);
  });
}

export function startConsentExpiryJob(
  dataSource: DataSource,
  intervalMs: number,
  logger: Logger,
  observer?: JobObserver,
): () => Promise<void> {
  const run = () => recordExpiringConsents(dataSource);
  return startCountingJob(
    dataSource,
    { name: 'consent-expiry', schema: 'clients', run, logged: 'consent expiry reminders recorded' },
    intervalMs,
    logger,
    observer,
  );
}
