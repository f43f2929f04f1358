/**
 * E-mail through a real SMTP server started here (smtp-server): what the
 * consumer queues is sent once, holds no client data, is retried with
 * backoff while the server is down, and goes to an .eml file when no SMTP
 * server is configured; daily digests are one message per person and kind.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { createLogger, freePort } from '@caseflow/core';
import { demoWorld, HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import type { ReferralFacts } from '@caseflow/events';
import { event, graphqlAs, type NotificationsTest, staff, startNotificationsTest, DASHBOARD_URL } from '../testing/testbed';
import { localDay, startOfLocalDay } from '@caseflow/core';
import { deliverDueMail, MAX_MAIL_ATTEMPTS, retryDelayMs, sendDailyDigests } from './mail.job';
import { createMailTransport, type MailTransport } from './mail.transport';

interface Received {
  to: string[];
  raw: string;
}

class TestSmtp {
  received: Received[] = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  listen(port: number) {
    return new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
  }
  close() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const logger = createLogger('notifications', 'silent');
const world = demoWorld(new Date());
// A demo referral and its client: the values no e-mail may carry.
const demoReferral = world.referrals.find((r) => r.organizationId === NORTHSIDE_ID) ?? world.referrals[0];
const demoClient = world.clients.find((c) => c.id === demoReferral.clientId)!;
const CLIENT_DATA = [
  demoClient.firstName,
  demoClient.lastName,
  demoClient.dateOfBirth,
  demoReferral.need,
  '902-555-0147',
  'needs help with rent',
];

/** Whose an event about the demo client is. */
const ofDemoClient = { clientId: demoClient.id, organizationId: HARBOUR_ID };

const facts = (): ReferralFacts => ({
  referralId: demoReferral.id,
  clientId: demoClient.id,
  referringOrganizationId: HARBOUR_ID,
  referredById: staff('jordan').id,
  receivingOrganizationId: NORTHSIDE_ID,
  receivingOrganizationName: 'Northside Food Bank',
  serviceId: demoReferral.serviceId,
  serviceName: 'Emergency Food',
});

let n: NotificationsTest;
let smtp: TestSmtp;
let port: number;
let transport: MailTransport;
const dataSource = () => n.t.subgraph.database.dataSource;
const pending = async () =>
  (await dataSource().query("SELECT count(*)::int AS n FROM notifications.mail_delivery WHERE status = 'PENDING'"))[0].n as number;
const later = (ms: number) => new Date(Date.now() + ms);
/** Casey has `kind` in the app and by e-mail, in a daily digest. */
async function caseyWantsDigestOf(kind: 'STEP_OVERDUE' | 'APPOINTMENT_SOON') {
  const preferences = [{ kind, channels: ['IN_APP', 'EMAIL'], dailyDigest: true }];
  const set = await graphqlAs(
    n.t,
    'casey',
    'mutation($p: [NotificationPreferenceInput!]!) { setNotificationPreferences(preferences: $p) { kind } }',
    {
      p: preferences,
    },
  );
  expect(set.errors).toBeUndefined();
}

beforeAll(async () => {
  n = await startNotificationsTest();
  n.directory.clients[demoClient.id] = { organizationId: HARBOUR_ID, assignedCaseManagerId: staff('casey').id, caseTeam: [] };
  port = await freePort();
  transport = createMailTransport({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Caseflow <no-reply@caseflow.test>',
    mailDir: '',
    dashboardUrl: DASHBOARD_URL,
  });
});
afterAll(async () => {
  transport.close();
  await smtp?.close();
  await n.stop();
});

describe('e-mail notifications', () => {
  it('retries with backoff while the SMTP server is down, then delivers each message once', async () => {
    await n.apply(event('referral.sent', facts()));
    await n.apply(event('referral.answered', { ...facts(), answer: 'DECLINED' }));
    expect(await pending()).toBe(3);

    // Nothing listens yet: every attempt fails and is put off by the first backoff.
    expect(await deliverDueMail(dataSource(), transport, logger)).toEqual({ sent: 0, failed: 3 });
    const rows: Array<{ attempts: number; status: string; wait: number }> = await dataSource().query(
      'SELECT attempts, status, extract(epoch FROM next_attempt_at - now()) AS wait FROM notifications.mail_delivery',
    );
    expect(rows.every((r) => r.attempts === 1 && r.status === 'PENDING' && r.wait > 20 && r.wait <= 31)).toBe(true);
    // Not due again before the backoff has passed.
    expect(await deliverDueMail(dataSource(), transport, logger)).toEqual({ sent: 0, failed: 0 });

    smtp = new TestSmtp();
    await smtp.listen(port);
    expect(await deliverDueMail(dataSource(), transport, logger, { now: later(retryDelayMs(1) + 1000) })).toEqual({ sent: 3, failed: 0 });
    expect(await deliverDueMail(dataSource(), transport, logger, { now: later(86_400_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await pending()).toBe(0);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([staff('casey').email, staff('jordan').email, staff('pat').email].sort());
  });

  it('holds only the kind, the agency and a dashboard link: no client data', () => {
    const toPat = smtp.received.find((m) => m.to[0] === staff('pat').email)!;
    expect(toPat.raw).toMatch(/Subject: Caseflow: A new referral/);
    expect(toPat.raw).toContain('Agency: Northside Food Bank');
    expect(toPat.raw).toContain(`${DASHBOARD_URL}/notifications`);
    for (const message of smtp.received) {
      for (const value of CLIENT_DATA) expect(message.raw).not.toContain(value);
      expect(message.raw).not.toContain(demoClient.id);
      expect(message.raw).not.toContain(demoReferral.id);
    }
  });

  it('gives a delivery up after the last attempt', async () => {
    const broken = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${await freePort()}`,
      from: 'x@caseflow.test',
      mailDir: '',
      dashboardUrl: DASHBOARD_URL,
    });
    await n.apply(
      event('closure.requested', {
        ...ofDemoClient,
        requestId: randomUUID(),
        requestedById: staff('casey').id,
        byStaffId: staff('casey').id,
      }),
    );
    for (let attempt = 0; attempt < MAX_MAIL_ATTEMPTS; attempt += 1)
      await deliverDueMail(dataSource(), broken, logger, { now: later(86_400_000 * (attempt + 1)) });
    broken.close();
    const [row] = await dataSource().query("SELECT status, attempts FROM notifications.mail_delivery WHERE kind = 'APPROVAL_REQUESTED'");
    expect(row).toEqual({ status: 'FAILED', attempts: MAX_MAIL_ATTEMPTS });
  });

  it('sends a daily digest per person and kind instead, once for the day', async () => {
    await caseyWantsDigestOf('STEP_OVERDUE');
    const overdue = () =>
      event('plan.step_overdue', {
        ...ofDemoClient,
        planId: randomUUID(),
        stepId: randomUUID(),
        dueOn: '2030-01-01',
        overdueStepIds: [randomUUID()],
      });
    await n.apply(overdue());
    await n.apply(overdue());
    // Nothing is sent one by one, and nothing before the day is over.
    expect(await pending()).toBe(0);
    expect(await sendDailyDigests(dataSource(), DASHBOARD_URL)).toBe(0);

    const tomorrow = later(86_400_000);
    expect(await sendDailyDigests(dataSource(), DASHBOARD_URL, tomorrow)).toBe(1);
    expect(await sendDailyDigests(dataSource(), DASHBOARD_URL, tomorrow)).toBe(0);
    const before = smtp.received.length;
    expect(await deliverDueMail(dataSource(), transport, logger, { now: tomorrow })).toEqual({ sent: 1, failed: 0 });
    const digest = smtp.received.slice(before);
    expect(digest.map((m) => m.to[0])).toEqual([staff('casey').email]);
    expect(digest[0].raw).toMatch(/Subject: Caseflow digest: A plan step is overdue \(2 on \d{4}-\d{2}-\d{2}\)/);
    for (const value of CLIENT_DATA) expect(digest[0].raw).not.toContain(value);
  });

  it("closes the digest's day at the agency's midnight, in its time zone", async () => {
    // A kind of its own, so that its digest of the day is not the one the test above wrote. Kiritimati (UTC+14) ends its day first.
    await caseyWantsDigestOf('APPOINTMENT_SOON');
    const zone = 'Pacific/Kiritimati';
    const zones = async (ids: string[]) => new Map(ids.map((id) => [id, zone]));
    const startsAt = later(3_600_000).toISOString();
    await n.apply(
      event('appointment.soon', {
        ...ofDemoClient,
        appointmentId: randomUUID(),
        staffMemberId: staff('casey').id,
        kind: 'IN_PERSON',
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      }),
    );
    const midnight = new Date(startOfLocalDay(new Date(), zone).getTime() + 86_400_000 + 60_000);
    const lastMinute = new Date(midnight.getTime() - 120_000);
    expect(await sendDailyDigests(dataSource(), DASHBOARD_URL, lastMinute, zones)).toBe(0);
    expect(await sendDailyDigests(dataSource(), DASHBOARD_URL, midnight, zones)).toBe(1);
    const [row] = await dataSource().query(
      "SELECT digest_key FROM notifications.mail_delivery WHERE kind = 'APPOINTMENT_SOON' AND digest_key IS NOT NULL",
    );
    expect(row.digest_key).toBe(`${staff('casey').id}:APPOINTMENT_SOON:${localDay(new Date(), zone)}`);
    expect(await deliverDueMail(dataSource(), transport, logger, { now: midnight })).toEqual({ sent: 1, failed: 0 });
  });

  it('writes an .eml file when no SMTP server is configured', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'caseflow-mail-'));
    const files = createMailTransport({ from: 'Caseflow <no-reply@caseflow.test>', mailDir: dir, dashboardUrl: DASHBOARD_URL });
    try {
      await n.apply(event('referral.sent', { ...facts(), referralId: randomUUID() }));
      expect(await deliverDueMail(dataSource(), files, logger)).toEqual({ sent: 1, failed: 0 });
      const written = await readdir(dir);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatch(/^[0-9a-f-]{36}\.eml$/);
      const eml = await readFile(join(dir, written[0]), 'utf8');
      expect(eml).toContain(`To: ${staff('pat').email}`);
      expect(eml).toMatch(/Subject: Caseflow: A new referral/);
      for (const value of CLIENT_DATA) expect(eml).not.toContain(value);
    } finally {
      files.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
