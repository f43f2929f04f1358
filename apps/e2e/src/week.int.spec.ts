/**
 * The case manager's week across the running services: a partner's answer
 * in the referrals subgraph reaches the referring case manager as an in-app
 * notification (the referrals outbox, the queue, the notifications
 * consumer, the recipients asked of the clients subgraph), with its links
 * resolved through the gateway, for her alone and once — also when the
 * queue delivers the same event again.
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { consumerQueueName } from '@caseflow/events';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`;
const SEND = `mutation($id: ID!) { sendReferral(referralId: $id) { status } }`;
const RESPOND = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { status } }`;
const LIST = `query($unreadOnly: Boolean) {
  notifications(unreadOnly: $unreadOnly, first: 100) {
    unreadCount
    edges { node { id kind readAt referral { id status } client { id } } }
  }
}`;

interface Listed {
  notifications: {
    unreadCount: number;
    edges: Array<{
      node: {
        id: string;
        kind: string;
        readAt: string | null;
        referral: { id: string; status: string } | null;
        client: { id: string } | null;
      };
    }>;
  };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function list(key: 'casey' | 'pat', unreadOnly = false): Promise<Listed['notifications']> {
  const r = await stack.as<Listed>(key, LIST, { unreadOnly });
  expect(r.errors).toBeUndefined();
  return r.data!.notifications;
}

const about = (n: Listed['notifications'], kind: string, referralId: string) =>
  n.edges.filter((e) => e.node.kind === kind && e.node.referral?.id === referralId).map((e) => e.node);

/** Who was notified of an event, by recipient (every row, in-app or not). */
const recipientsOf = async (eventId: string) =>
  (
    await stack.sql<{ recipient: string; kind: string }>(
      'SELECT recipient_id AS recipient, kind FROM notifications.notification WHERE event_id = $1 ORDER BY recipient_id',
      [eventId],
    )
  ).map((r) => ({ recipient: r.recipient, kind: r.kind }));

const eventOf = async (referralId: string, type: string) => {
  const rows = await stack.sql<{ id: string }>('SELECT id FROM referrals.outbox_event WHERE aggregate_id = $1 AND type = $2', [
    referralId,
    type,
  ]);
  expect(rows).toHaveLength(1);
  return rows[0].id;
};

describe("the case manager's week, end to end", () => {
  let referralId: string;
  let clientId: string;

  it('puts a REFERRAL_ANSWERED notification in front of Casey within seconds of Pat accepting her referral', async () => {
    const casey = stack.staff('casey');
    const pat = stack.staff('pat');
    // A client of casey's with an active consent to Northside (the demo world's referrals to it carry one).
    clientId = stack.world.referrals.find(
      (r, i) => i % 6 < 4 && r.referredById === casey.id && r.organizationId === NORTHSIDE_ID,
    )!.clientId;
    expect(stack.world.clients.find((c) => c.id === clientId)?.caseManagerId).toBe(casey.id);
    const pantry = stack.world.services.find((s) => s.name === 'Weekly Food Pantry')!;
    expect(pantry.organizationId).toBe(NORTHSIDE_ID);
    await stack.settleEvents();
    const caseyBefore = await list('casey', true);
    const patBefore = await list('pat', true);

    const created = await stack.as<{ createReferral: { id: string } }>('casey', CREATE, {
      input: {
        clientId,
        serviceId: pantry.id,
        need: 'Food security',
        necessaryRationale: 'Hunger is getting in the way of the job search.',
        appropriateRationale: 'The pantry is close to home.',
      },
    });
    expect(created.errors).toBeUndefined();
    referralId = created.data!.createReferral.id;
    expect((await stack.as('casey', SEND, { id: referralId })).errors).toBeUndefined();

    // Pat, the receiving agency's partner, is told of it.
    const patAfter = await eventually(
      () => list('pat', true),
      (n) => about(n, 'REFERRAL_RECEIVED', referralId).length > 0,
    );
    expect(about(patAfter, 'REFERRAL_RECEIVED', referralId)).toEqual([
      expect.objectContaining({ readAt: null, referral: { id: referralId, status: 'SENT' } }),
    ]);
    expect(patAfter.unreadCount).toBe(patBefore.unreadCount + 1);
    expect(await recipientsOf(await eventOf(referralId, 'referral.sent'))).toEqual([{ recipient: pat.id, kind: 'REFERRAL_RECEIVED' }]);

    const accepted = await stack.as<{ respondToReferral: { status: string } }>('pat', RESPOND, {
      input: { referralId, decision: 'ACCEPT', note: 'We can see them on Thursday.' },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToReferral.status).toBe('ACCEPTED');

    const caseyAfter = await eventually(
      () => list('casey', true),
      (n) => about(n, 'REFERRAL_ANSWERED', referralId).length > 0,
    );
    // Exactly one, its links resolved for her: the referral (now accepted) and her client.
    expect(about(caseyAfter, 'REFERRAL_ANSWERED', referralId)).toEqual([
      expect.objectContaining({ readAt: null, referral: { id: referralId, status: 'ACCEPTED' }, client: { id: clientId } }),
    ]);
    expect(caseyAfter.unreadCount).toBe(caseyBefore.unreadCount + 1);
    // Nobody else in the demo roster was told of the answer: not the partner who gave it, not jordan, sam or anyone.
    expect(await recipientsOf(await eventOf(referralId, 'referral.answered'))).toEqual([
      { recipient: casey.id, kind: 'REFERRAL_ANSWERED' },
    ]);
    // Pat's list did not change with the answer.
    expect((await list('pat', true)).unreadCount).toBe(patAfter.unreadCount);
  });

  it('creates no second notification when the queue delivers the same event again', async () => {
    const eventId = await eventOf(referralId, 'referral.answered');
    const caseyBefore = await list('casey');
    const before = await recipientsOf(eventId);
    expect(before).toHaveLength(1);

    // The relay sends a row again when it is unpublished (as after a crash between the queue's send and the relay's commit) …
    const [republished] = await stack.sql<{ n: number }>(
      'WITH r AS (UPDATE referrals.outbox_event SET published_at = NULL WHERE id = $1 RETURNING id) SELECT count(*)::int AS n FROM r',
      [eventId],
    );
    expect(republished.n).toBe(1);
    await stack.settleEvents();
    const [again] = await stack.sql<{ published: boolean }>(
      'SELECT published_at IS NOT NULL AS published FROM referrals.outbox_event WHERE id = $1',
      [eventId],
    );
    expect(again.published).toBe(true);
    // … and the same event as a job of its own on the notifications queue, past the queue's dedupe by event id:
    // only the consumer's own idempotence stands between it and a second notification.
    const queue = consumerQueueName('notifications');
    const [job] = await stack.sql<{ data: object }>('SELECT data FROM events.job WHERE name = $1 AND id = $2', [queue, eventId]);
    expect(job.data).toMatchObject({ id: eventId, type: 'referral.answered', aggregateId: referralId });
    const boss = new PgBoss({
      connectionString: stack.roles.eventsUrl,
      schema: 'events',
      migrate: false,
      supervise: false,
      schedule: false,
    });
    boss.on('error', () => undefined);
    await boss.start();
    const duplicate = randomUUID();
    try {
      await boss.insert(queue, [{ id: duplicate, name: queue, data: job.data }]);
    } finally {
      await boss.stop({ graceful: false });
    }
    await stack.settleEvents();
    const [handled] = await stack.sql<{ state: string }>('SELECT state FROM events.job WHERE name = $1 AND id = $2', [queue, duplicate]);
    expect(handled.state).toBe('completed');

    expect(await recipientsOf(eventId)).toEqual(before);
    const caseyAfter = await list('casey');
    expect(about(caseyAfter, 'REFERRAL_ANSWERED', referralId)).toHaveLength(1);
    expect(caseyAfter.unreadCount).toBe(caseyBefore.unreadCount);
    expect(caseyAfter.edges.map((e) => e.node.id)).toEqual(caseyBefore.edges.map((e) => e.node.id));
    const consumed = await stack.sql('SELECT event_id FROM notifications.consumed_event WHERE event_id = $1', [eventId]);
    expect(consumed).toHaveLength(1);
  });
});
