/** Answers of the fake gateway for the week: notifications, settings and appointments, at times relative to now. */
import type {
  AppointmentFieldsFragment,
  ClientAppointmentsQuery,
  MySettingsQuery,
  MyWeekQuery,
  NotificationsQuery,
} from '../graphql/generated';
import { CLIENT_ID } from './fixtures';

/** Casey's id, as the harness has it (this file is also read by the workspace's Node type-check, without JSX). */
const CASEY_ID = '11111111-1111-4111-8111-111111111111';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant `ms` from now, whole minutes. */
export function fromNow(ms: number): string {
  return new Date(Math.floor((Date.now() + ms) / 60_000) * 60_000).toISOString();
}

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

export function notification(n: number, patch: Partial<Notification> = {}): Notification {
  return {
    id: `notification-${n}`,
    kind: 'REFERRAL_ANSWERED',
    message: `Message ${n}`,
    createdAt: fromNow(-n * HOUR),
    readAt: null,
    client: null,
    referral: null,
    appointment: null,
    ...patch,
  };
}

export function notifications(
  list: Notification[],
  page: { hasNextPage?: boolean; endCursor?: string | null; totalCount?: number; unreadCount?: number } = {},
): NotificationsQuery {
  return {
    notifications: {
      totalCount: page.totalCount ?? list.length,
      unreadCount: page.unreadCount ?? list.filter((n) => !n.readAt).length,
      pageInfo: { hasNextPage: page.hasNextPage ?? false, endCursor: page.endCursor ?? null },
      edges: list.map((node) => ({ cursor: node.id, node })),
    },
  };
}

export function settings(patch: Partial<MySettingsQuery['me']> = {}): MySettingsQuery {
  return {
    me: {
      id: CASEY_ID,
      calendarFeedUrl: '/calendar/first-secret.ics',
      notificationPreferences: [
        { kind: 'REFERRAL_ANSWERED', channels: ['IN_APP', 'EMAIL'], dailyDigest: false },
        { kind: 'STEP_OVERDUE', channels: ['IN_APP'], dailyDigest: false },
      ],
      ...patch,
    },
  };
}

export function appointment(n: number, patch: Partial<AppointmentFieldsFragment> = {}): AppointmentFieldsFragment {
  const startsAt = patch.startsAt ?? fromNow(DAY + n * HOUR);
  return {
    id: `appointment-${n}`,
    kind: 'IN_PERSON',
    status: 'SCHEDULED',
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + HOUR).toISOString(),
    place: 'Room 2, 120 Main St',
    purpose: `Purpose ${n}`,
    statusReason: null,
    statusChangedAt: null,
    version: 1,
    staffMember: { id: CASEY_ID, displayName: 'Casey Morgan' },
    ...patch,
  };
}

export function clientAppointments(list: AppointmentFieldsFragment[], recentNoShows = 0): ClientAppointmentsQuery {
  return {
    client: {
      id: CLIENT_ID,
      displayName: 'Dana Fontaine',
      recentNoShows,
      appointments: {
        totalCount: list.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: list.map((node) => ({ cursor: node.id, node })),
      },
    },
  };
}

export function week(list: Array<AppointmentFieldsFragment & { client: { id: string; displayName: string } | null }>): MyWeekQuery {
  return {
    myAppointments: {
      totalCount: list.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: list.map((node) => ({ node })),
    },
  };
}
