/**
 * QUALITY "Events are never lost", for the notifications consumer: the
 * notifications subgraph runs as a process of its own (the rest of the
 * platform in this one, real HTTP through the gateway) and is killed with
 * SIGKILL while partners answer referrals. The events of the answers made
 * while it is down wait in its queue; once it runs again every notification
 * arrives, and none twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { consumerQueueName } from '@caseflow/events';
import { freePort, type ServiceProcess, spawnService } from '@caseflow/testing';
import { Client } from 'pg';
import { startTestStack, type TestStack } from './harness';

// The notifications process starts twice under ts-node, and an event held by the killed one comes back after the
// queue's handler timeout: generous on a busy machine.
jest.setTimeout(240_000);

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`;
const SEND = `mutation($id: ID!) { sendReferral(referralId: $id) { status } }`;
const RESPOND = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { status } }`;
const QUEUE = consumerQueueName('notifications');

let stack: TestStack;
let mailDir: string;
const processes: ServiceProcess[] = [];

/** The notifications subgraph as its own process, on the address the gateway knows it by. */
async function startNotifications(): Promise<ServiceProcess> {
  const port = new URL(stack.subgraphs.notifications.baseUrl).port;
  const service = spawnService('apps/notifications/src/main.ts', {
    NOTIFICATIONS_PORT: port,
    METRICS_PORT: String(await freePort()),
    NOTIFICATIONS_DATABASE_URL: stack.roles.runtimeUrlFor('notifications'),
    EVENTS_DATABASE_URL: stack.roles.eventsUrl,
    INTERNAL_TOKEN_SECRET: stack.internalSecret,
    CLIENTS_URL: stack.subgraphs.clients.baseUrl,
    REFERRALS_URL: stack.subgraphs.referrals.baseUrl,
    JOB_INTERVAL_MS: '0',
    DB_POOL_MAX: '4',
    LOG_LEVEL: 'info',
    MAIL_DIR: mailDir,
  });
  processes.push(service);
  await service.waitFor(/subgraph listening/, 150_000);
  return service;
}

beforeAll(async () => {
  mailDir = mkdtempSync(join(tmpdir(), 'caseflow-mail-'));
  stack = await startTestStack();
  // The in-process notifications subgraph gives way to the process (its consumer stopped, its port free).
  await stack.stopSubgraph('notifications');
});

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited));
  await stack?.stop();
  rmSync(mailDir, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Events of the notifications queue being applied now. */
const applying = async () =>
  (await stack.sql<{ n: number }>(`SELECT count(*)::int AS n FROM events.job WHERE name = $1 AND state = 'active'`, [QUEUE]))[0].n;

/** Events of the notifications queue not done yet (waiting, to be retried, or being applied). */
const unfinished = async () =>
  (await stack.sql<{ n: number }>(`SELECT count(*)::int AS n FROM events.job WHERE name = $1 AND state <= 'active'`, [QUEUE]))[0].n;

interface Row {
  referral: string;
  recipient: string;
  kind: string;
  event: string;
}
const notificationsOf = (referralIds: string[]) =>
  stack.sql<Row>(
    `SELECT referral_id AS referral, recipient_id AS recipient, kind, event_id AS event
       FROM notifications.notification WHERE referral_id = ANY($1::uuid[]) ORDER BY referral_id, kind`,
    [referralIds],
  );

describe('the notifications subgraph killed with SIGKILL while referrals are answered', () => {
  it('delivers every notification once it runs again, none twice', async () => {
    const casey = stack.staff('casey');
    const partnerOf: Record<string, string> = { [NORTHSIDE_ID]: stack.staff('pat').id, [EASTSIDE_ID]: stack.staff('robin').id };
    const keyOf: Record<string, 'pat' | 'robin'> = { [NORTHSIDE_ID]: 'pat', [EASTSIDE_ID]: 'robin' };
    // Casey's clients with an active consent to the partner's agency (the demo world's referrals to it carry one), one referral each.
    const seen = new Set<string>();
    const targets = stack.world.referrals
      .filter((r, i) => i % 6 < 4 && r.referredById === casey.id && partnerOf[r.organizationId] !== undefined)
      .filter((r) => {
        const client = stack.world.clients.find((c) => c.id === r.clientId);
        return client?.caseManagerId === casey.id && client.status === 'ACTIVE';
      })
      .filter((r) => !seen.has(`${r.clientId}/${r.organizationId}`) && seen.add(`${r.clientId}/${r.organizationId}`))
      .slice(0, 10)
      .map((r) => ({
        clientId: r.clientId,
        organizationId: r.organizationId,
        serviceId: stack.world.services.find((s) => s.organizationId === r.organizationId)!.id,
      }));
    expect(targets.length).toBeGreaterThanOrEqual(6);
    expect(new Set(targets.map((t) => t.organizationId)).size).toBe(2);

    const first = await startNotifications();
    const referrals: Array<{ id: string; organizationId: string }> = [];
    for (const t of targets) {
      const created = await stack.as<{ createReferral: { id: string } }>('casey', CREATE, {
        input: {
          clientId: t.clientId,
          serviceId: t.serviceId,
          need: 'Food and housing: not enough at home',
          necessaryRationale: 'The family is short this month.',
          appropriateRationale: 'The agency is close to home.',
        },
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createReferral.id;
      expect((await stack.as('casey', SEND, { id })).errors).toBeUndefined();
      referrals.push({ id, organizationId: t.organizationId });
    }
    const ids = referrals.map((r) => r.id);

    // The partners answer; mid-way the notifications process is killed, with no drain, while it applies an event. So
    // that the kill finds it mid-way however fast it is, the test holds its notifications table from then on: the event
    // it takes waits on the table (its job active) until the kill, and the table is let go only after.
    const killAfter = Math.floor(referrals.length / 2);
    const lock = new Client({ connectionString: stack.databaseUrl });
    await lock.connect();
    let killed: Promise<number> = Promise.resolve(0);
    try {
      for (const [n, r] of referrals.entries()) {
        if (n === killAfter) {
          await lock.query('BEGIN');
          await lock.query('LOCK TABLE notifications.notification IN SHARE ROW EXCLUSIVE MODE');
          killed = until(applying, (k) => k > 0, 60_000).then((k) => {
            first.child.kill('SIGKILL');
            return k;
          });
        }
        const answered = await stack.as<{ respondToReferral: { status: string } }>(keyOf[r.organizationId], RESPOND, {
          input: { referralId: r.id, decision: 'ACCEPT' },
        });
        expect(answered.errors).toBeUndefined();
        expect(answered.data!.respondToReferral.status).toBe('ACCEPTED');
      }
      expect(await killed).toBeGreaterThan(0);
      await first.exited;
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }
    expect(first.child.signalCode).toBe('SIGKILL');
    // What it was applying rolled back with its connections;
    // the queue takes it back after the handler timeout.
    // While it is down, the answers' events wait in its queue: the relays sent them all.
    await until(
      async () => (await stack.sql(`SELECT id FROM referrals.outbox_event WHERE published_at IS NULL`)).length,
      (n) => n === 0,
    );
    const waiting = await notificationsOf(ids);
    expect(waiting.filter((w) => w.kind === 'REFERRAL_ANSWERED').length).toBeLessThan(referrals.length);

    await startNotifications();
    const expected = referrals.length * 2;
    // The event held by the killed process comes back within the handler timeout (30 s) and the queue's next look (10 s);
    // a later event of the same referral waits for it, retried with backoff.
    await until(
      async () => (await notificationsOf(ids)).length,
      (n) => n >= expected,
      100_000,
    );
    await until(unfinished, (n) => n === 0, 30_000);
    // A moment more: nothing else arrives.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const rows = await notificationsOf(ids);
    const answered = rows.filter((r) => r.kind === 'REFERRAL_ANSWERED');
    const received = rows.filter((r) => r.kind === 'REFERRAL_RECEIVED');
    expect(rows).toHaveLength(expected);
    // Exactly one answer per referral, for the referring case manager (also the client's), and no one else.
    expect(answered.map((r) => [r.referral, r.recipient]).sort()).toEqual(ids.map((id) => [id, casey.id]).sort());
    // Exactly one receipt per referral, for the partner of the agency it was sent to.
    expect(received.map((r) => [r.referral, r.recipient]).sort()).toEqual(referrals.map((r) => [r.id, partnerOf[r.organizationId]]).sort());
    for (const [organizationId, partner] of Object.entries(partnerOf)) {
      const count = referrals.filter((r) => r.organizationId === organizationId).length;
      expect({ partner, received: received.filter((r) => r.recipient === partner).length }).toEqual({ partner, received: count });
    }
    // None twice: one row per (event, recipient), and each answer's event is the one the referrals subgraph recorded.
    expect(new Set(rows.map((r) => `${r.event}/${r.recipient}`)).size).toBe(rows.length);
    const events = await stack.sql<{ id: string }>(
      `SELECT id FROM referrals.outbox_event WHERE aggregate_id = ANY($1::uuid[]) AND type = 'referral.answered'`,
      [ids],
    );
    expect(answered.map((r) => r.event).sort()).toEqual(events.map((e) => e.id).sort());
    // Casey sees them through the gateway, from the restarted process.
    const listed = await stack.as<{ notifications: { edges: Array<{ node: { kind: string; referral: { id: string } | null } }> } }>(
      'casey',
      `{ notifications(first: 100) { edges { node { kind referral { id } } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    const shown = listed.data!.notifications.edges.filter(
      (e) => e.node.kind === 'REFERRAL_ANSWERED' && ids.includes(e.node.referral?.id ?? ''),
    );
    expect(shown).toHaveLength(referrals.length);
  });
});
