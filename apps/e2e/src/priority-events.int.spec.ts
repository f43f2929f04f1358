import { NORTHSIDE_ID } from '@caseflow/demo';
import { startTestStack, type TestStack } from './harness';

/**
 * Priority from events, across the running services: a partner's answer in
 * the referrals subgraph reaches the case manager's caseload priority in the
 * clients subgraph as a domain event (the referrals outbox, the queue, the
 * clients consumer), never as a read of another subgraph's tables.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`;
const SEND = `mutation($id: ID!) { sendReferral(referralId: $id) { status } }`;
const RESPOND = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { status } }`;
const PRIORITY = `query($id: ID!) { client(id: $id) { priority { score reasons } } }`;
type Priority = { client: { priority: { score: number; reasons: string[] } } };

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it("a partner's decline reaches the referring case manager's caseload priority, with a plain reason, once", async () => {
  // A client of casey's with an active consent to Northside (the demo world's referrals to it carry one).
  const clientId = stack.world.referrals.find(
    (r, i) => i % 6 < 4 && r.referredById === stack.staff('casey').id && r.organizationId === NORTHSIDE_ID,
  )!.clientId;
  const pantry = stack.world.services.find((s) => s.name === 'Weekly Food Pantry')!;
  const before = (await stack.as<Priority>('casey', PRIORITY, { id: clientId })).data!.client.priority;
  expect(before.reasons).not.toContain('Referral to Northside Food Bank declined');

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
  const id = created.data!.createReferral.id;
  expect((await stack.as('casey', SEND, { id })).errors).toBeUndefined();
  expect(
    (await stack.as('pat', RESPOND, { input: { referralId: id, decision: 'DECLINE', reason: 'No capacity this month' } })).errors,
  ).toBeUndefined();

  const after = await eventually(
    async () => (await stack.as<Priority>('casey', PRIORITY, { id: clientId })).data!.client.priority,
    (p) => p.reasons.includes('Referral to Northside Food Bank declined'),
  );
  expect(after.reasons).toContain('Referral to Northside Food Bank declined');
  expect(after.score).toBe(before.score + 20);
  const signals = await stack.sql(`SELECT kind, status, label FROM clients.priority_signal WHERE client_id = $1 AND subject_id = $2`, [
    clientId,
    id,
  ]);
  expect(signals).toEqual([{ kind: 'REFERRAL', status: 'DECLINED', label: 'Northside Food Bank' }]);
  const applied = await stack.sql<{ type: string }>(
    `SELECT c.type FROM clients.consumed_event c JOIN referrals.outbox_event o ON o.id = c.event_id WHERE o.aggregate_id = $1 ORDER BY o.sequence`,
    [id],
  );
  // referral.sent is not one the clients consumer takes: it only moved the aggregate's position.
  expect(applied.map((e) => e.type)).toEqual(['referral.answered']);
});

it("a missed appointment (recorded in the clients subgraph itself) reaches the client's caseload priority through its own consumer", async () => {
  const clientId = stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')[3].id;
  const before = (await stack.as<Priority>('casey', PRIORITY, { id: clientId })).data!.client.priority;
  expect(before.reasons.filter((r) => r.startsWith('Missed'))).toEqual([]);
  // Began half an hour ago: attendance may be recorded from the start.
  const startsAt = new Date(Date.now() - 30 * 60_000);
  const scheduled = await stack.as<{ scheduleAppointment: { id: string; version: number } }>(
    'casey',
    `mutation($input: ScheduleAppointmentInput!) { scheduleAppointment(input: $input) { id version } }`,
    {
      input: {
        clientId,
        kind: 'PHONE',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        purpose: 'Check in on the job search',
        allowOverlap: true,
      },
    },
  );
  expect(scheduled.errors).toBeUndefined();
  const { id, version } = scheduled.data!.scheduleAppointment;
  const ATTENDANCE = `mutation($id: ID!, $v: Int!, $o: AttendanceOutcome!) { recordAttendance(appointmentId: $id, expectedVersion: $v, outcome: $o) { version } }`;
  const missed = await stack.as<{ recordAttendance: { version: number } }>('casey', ATTENDANCE, { id, v: version, o: 'NO_SHOW' });
  expect(missed.errors).toBeUndefined();

  const after = await eventually(
    async () => (await stack.as<Priority>('casey', PRIORITY, { id: clientId })).data!.client.priority,
    (p) => p.reasons.includes('Missed 1 appointment in 90 days'),
  );
  expect(after.reasons).toContain('Missed 1 appointment in 90 days');
  expect(after.score).toBe(before.score + 10);
});
