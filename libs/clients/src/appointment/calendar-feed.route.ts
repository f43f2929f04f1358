/**
 * GET /internal/calendar/<secret>.ics — a staff member's appointments from
 * 30 days back to 180 days ahead as an iCalendar (RFC 5545) feed, written by
 * ical-generator. The gateway passes `GET /calendar/<secret>.ics` here (the
 * secret is the credential: calendar apps send no bearer token). Each event
 * carries the kind, the place, the client's initials and a dashboard link —
 * never a name or the purpose. An unknown or replaced secret is 404 with an
 * empty body. Each fetch is audited under the feed's owner.
 */
import { randomUUID } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import { CALENDAR_FEED_PATH } from '@caseflow/auth';
import type { InternalGetRoute } from '@caseflow/federation';
import { days } from '../shared/validation';
import type { AppointmentKind } from './appointment.entity';
import { type FeedRow, feedAppointments } from './appointment.sql';
import { feedOwner } from './calendar-feed';

const NO_STORE = { 'cache-control': 'no-store, private' };
const KIND_LABELS: Record<AppointmentKind, string> = {
  IN_PERSON: 'In person',
  PHONE: 'Phone',
  VIDEO: 'Video',
  HOME_VISIT: 'Home visit',
  PARTNER_VISIT: 'Partner visit',
};
const STATUS: Record<FeedRow['status'], ICalEventStatus> = {
  SCHEDULED: ICalEventStatus.CONFIRMED,
  ATTENDED: ICalEventStatus.CONFIRMED,
  NO_SHOW: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
};

/** "A.B." from the first letters of the first and last names. */
export const initialsOf = (first: string, last: string) =>
  [first, last].map((name) => `${[...name.trim()][0]?.toLocaleUpperCase() ?? ''}.`).join('');

export function renderFeed(rows: readonly FeedRow[], dashboardUrl: string, now = new Date()): string {
  const calendar = ical({
    name: 'Caseflow appointments',
    prodId: { company: 'Caseflow', product: 'appointments', language: 'EN' },
    ttl: 900,
  });
  for (const row of rows) {
    const link = new URL(`/clients/${row.client_id}`, dashboardUrl).toString();
    calendar.createEvent({
      id: `${row.id}@caseflow`,
      sequence: row.version - 1,
      stamp: now,
      start: row.starts_at,
      end: row.ends_at,
      summary: `${KIND_LABELS[row.kind]} · ${initialsOf(row.first_name, row.last_name)}`,
      location: row.place,
      url: link,
      description: `${row.status === 'SCHEDULED' ? '' : `${row.status.replace('_', ' ').toLowerCase()} · `}${link}`,
      status: STATUS[row.status],
    });
  }
  return calendar.toString();
}

export function calendarFeedRoute(dataSource: DataSource, dashboardUrl: string): InternalGetRoute {
  return async (url) => {
    const match = new RegExp(`^${CALENDAR_FEED_PATH}/([^/]+)\\.ics$`).exec(url.pathname);
    const owner = match ? await feedOwner(dataSource, match[1]) : null;
    if (!owner) return { status: 404, contentType: 'text/plain; charset=utf-8', text: '', headers: NO_STORE };
    const now = new Date();
    const rows = await feedAppointments(dataSource, owner.staffId, new Date(now.getTime() - days(30)), new Date(now.getTime() + days(180)));
    await new AuditTrail('clients', owner, randomUUID()).write(dataSource.manager, {
      action: 'READ',
      entityType: 'CalendarFeed',
      entityId: owner.staffId,
      detail: `${rows.length} appointments`,
    });
    return { status: 200, contentType: 'text/calendar; charset=utf-8', text: renderFeed(rows, dashboardUrl, now), headers: NO_STORE };
  };
}
