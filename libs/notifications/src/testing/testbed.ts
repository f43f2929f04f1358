/**
 * What the notifications integration suites share: the subgraph on a fresh
 * database (real PostgreSQL), the clients subgraph's recipients route as a
 * real HTTP stand-in (FakePeerServer) answering from a small directory of
 * the demo staff, events built as the producers record them, and requests
 * as a demo staff member.
 */
import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventPayloads, EventType } from '@caseflow/events';
import { type DemoStaff, demoId, demoStaff, HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import {
  answerJson,
  FakePeerServer,
  internalCaller,
  internalHeaders,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@caseflow/testing';
import {
  NOTIFICATION_RECIPIENTS_PATH,
  type RecipientDirectory,
  type RecipientsRequest,
  recipientsFetcher,
} from '../consumer/recipients.peer';
import { applyEvent, type NotificationsConsumerOptions } from '../consumer/notifications.consumer';
import { notificationsSubgraph } from '../subgraph';

export type StaffKey = Parameters<typeof demoStaff>[0];
export const staff = (key: StaffKey): DemoStaff => demoStaff(key);

/** A client of Harbour, assigned to Casey, with Jordan on its case team. */
export const CLIENT_ID = demoId('notifications-test:client', 'one');
export const DASHBOARD_URL = 'http://dashboard.test';

/** The directory the stand-in answers from; a test may change it (e.g. deactivate someone). */
export function testDirectory(): RecipientDirectory {
  const all: StaffKey[] = ['casey', 'jordan', 'sam', 'pat', 'robin', 'alex', 'admin'];
  return {
    clients: { [CLIENT_ID]: { organizationId: HARBOUR_ID, assignedCaseManagerId: staff('casey').id, caseTeam: [staff('jordan').id] } },
    organizations: {
      [HARBOUR_ID]: { CASE_MANAGER: [staff('casey').id, staff('jordan').id], SUPERVISOR: [staff('sam').id], ANALYST: [staff('alex').id] },
      [NORTHSIDE_ID]: { PARTNER: [staff('pat').id] },
    },
    staff: Object.fromEntries(
      all.map((key) => [staff(key).id, { email: staff(key).email, organizationId: staff(key).organizationId, active: true }]),
    ),
  };
}

export interface NotificationsTest {
  t: TestSubgraph;
  peer: FakePeerServer;
  directory: RecipientDirectory;
  /** What the recipients route was asked, in order. */
  asked: RecipientsRequest[];
  consumer: NotificationsConsumerOptions;
  /** Applies an event as the events runtime does: in a transaction of the subgraph's database. */
  apply(event: DomainEvent): Promise<number>;
  stop(): Promise<void>;
}

export async function startNotificationsTest(): Promise<NotificationsTest> {
  const t = await startTestSubgraph(notificationsSubgraph);
  const asked: RecipientsRequest[] = [];
  const test = { directory: testDirectory() } as NotificationsTest;
  const peer = new FakePeerServer(async (request, response, _attempt, received) => {
    if (request.url !== NOTIFICATION_RECIPIENTS_PATH || !(await internalCaller(request, response, t.secret))) return;
    asked.push(JSON.parse(received.body) as RecipientsRequest);
    answerJson(response, 200, test.directory);
  });
  const clientsUrl = await peer.start();
  const consumer = { fetchRecipients: recipientsFetcher({ clientsUrl, internalSecret: t.secret }), dashboardUrl: DASHBOARD_URL };
  return Object.assign(test, {
    t,
    peer,
    asked,
    consumer,
    apply: (event: DomainEvent) => t.subgraph.database.dataSource.transaction((m) => applyEvent(event, m, consumer)),
    stop: async () => {
      await peer.stop();
      await t.stop();
    },
  });
}

/** An event as the runtime hands it to a consumer. */
export function event<T extends EventType>(type: T, payload: EventPayloads[T], organizationId = HARBOUR_ID): DomainEvent<T> {
  return {
    id: randomUUID(),
    source: 'test',
    type,
    aggregateType: 'Test',
    aggregateId: randomUUID(),
    sequence: 1,
    organizationId,
    occurredAt: new Date().toISOString(),
    payload,
  };
}

export function graphqlAs<T = Record<string, unknown>>(
  t: TestSubgraph,
  who: StaffKey,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const s = staff(who);
  return postGraphQL<T>(
    t.url,
    query,
    variables,
    internalHeaders({ staffId: s.id, role: s.role, organizationId: s.organizationId }, t.secret),
  );
}

/** Each recipient's notifications of this event: staff key → count. */
export async function recipientsOfEvent(t: TestSubgraph, eventId: string): Promise<Record<string, number>> {
  const rows: Array<{ recipient_id: string; n: number }> = await t.subgraph.database.dataSource.query(
    'SELECT recipient_id, count(*)::int AS n FROM notifications.notification WHERE event_id = $1 GROUP BY recipient_id',
    [eventId],
  );
  const keyOf = (id: string) =>
    (['casey', 'jordan', 'sam', 'pat', 'robin', 'alex', 'admin'] as StaffKey[]).find((k) => staff(k).id === id) ?? id;
  return Object.fromEntries(rows.map((r) => [keyOf(r.recipient_id), r.n]));
}
