/**
 * What the notifications integration suites share: the subgraph on a fresh
 * database (real PostgreSQL), the clients subgraph's recipients route as a
 * real HTTP stand-in (FakePeerServer) answering from a small directory of
 * the demo staff, events built as the producers record them, and requests
 * as a demo staff member.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CLIENT_ACCESS_PATH, INFORMATION_KINDS, noGrant } from '@caseflow/auth';
import type { DomainEvent, EventPayloads, EventType, ReferralFacts } from '@caseflow/events';
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
  SERVICE_ACTOR,
} from '../consumer/recipients.peer';
import { applyEvent, type NotificationsConsumerOptions } from '../consumer/notifications.consumer';
import { notificationsSubgraph } from '../subgraph';

export type StaffKey = Parameters<typeof demoStaff>[0];
export const staff = (key: StaffKey): DemoStaff => demoStaff(key);

/** A client of Harbour, assigned to Casey, with Jordan on its case team. */
export const CLIENT_ID = demoId('notifications-test:client', 'one');

/** A new referral of the test's client from Harbour (Jordan referring) to Northside's Emergency Food. */
export const referralFacts = (): ReferralFacts => ({
  referralId: randomUUID(),
  clientId: CLIENT_ID,
  referringOrganizationId: HARBOUR_ID,
  referredById: staff('jordan').id,
  receivingOrganizationId: NORTHSIDE_ID,
  receivingOrganizationName: 'Northside Food Bank',
  serviceId: randomUUID(),
  serviceName: 'Emergency Food',
});
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
  /** The stand-in's base URL (the clients and referrals subgraphs' address). */
  clientsUrl: string;
  directory: RecipientDirectory;
  /** What the recipients route was asked, in order. */
  asked: RecipientsRequest[];
  consumer: NotificationsConsumerOptions;
  /** Applies an event as the events runtime does: in a transaction of the subgraph's database. */
  apply(event: DomainEvent): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the subgraph with one stand-in for its peers: the clients
 * subgraph's recipients route and client access (Harbour's staff see the
 * test client, nobody else does), and the referrals subgraph's `_entities`
 * (Harbour's staff see every referral, nobody else any).
 */
export async function startNotificationsTest(): Promise<NotificationsTest> {
  const secret = randomBytes(24).toString('hex');
  const asked: RecipientsRequest[] = [];
  const test = { directory: testDirectory() } as NotificationsTest;
  const peer = new FakePeerServer(async (request, response, _attempt, received) => {
    const caller = await internalCaller(request, response, secret);
    if (!caller) return;
    const body = JSON.parse(received.body);
    const harbour = caller.organizationId === HARBOUR_ID;
    if (request.url === NOTIFICATION_RECIPIENTS_PATH) {
      // As the clients subgraph does: only a Caseflow service asking for itself.
      if (caller.staffId !== SERVICE_ACTOR.staffId) return answerJson(response, 403, {});
      asked.push(body as RecipientsRequest);
      answerJson(response, 200, test.directory);
    } else if (request.url === CLIENT_ACCESS_PATH) {
      const grants = (body.clientIds as string[]).map((id) =>
        harbour && id === CLIENT_ID
          ? { clientId: id, exists: true, organizationId: HARBOUR_ID, read: [...INFORMATION_KINDS], write: true, consents: [] }
          : noGrant(id, true),
      );
      answerJson(response, 200, { grants });
    } else if (request.url === '/graphql') {
      const representations = body.variables.representations as Array<{ id: string }>;
      answerJson(response, 200, { data: { _entities: representations.map((r) => (harbour ? { id: r.id } : null)) } });
    } else answerJson(response, 404, {});
  });
  const peerUrl = await peer.start();
  const t = await startTestSubgraph(notificationsSubgraph, { internalSecret: secret, peerUrls: { clients: peerUrl, referrals: peerUrl } });
  const consumer = { fetchRecipients: recipientsFetcher({ clientsUrl: peerUrl, internalSecret: secret }), dashboardUrl: DASHBOARD_URL };
  return Object.assign(test, {
    t,
    peer,
    clientsUrl: peerUrl,
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
