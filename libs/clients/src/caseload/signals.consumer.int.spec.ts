import { randomUUID } from 'node:crypto';
import { addDays, localDay } from '@caseflow/core';
import { NORTHSIDE_ID } from '@caseflow/demo';
import type { DomainEvent, EventPayloads, EventType } from '@caseflow/events';
import { atLocalTime } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { agencyTimeZones, startOfLocalDay } from './agency-time-zones';
import { lockStalePriorities } from './priority.sql';
import { recomputePriorities } from './priority.store';
import { createClientsEventConsumer } from './signals.consumer';

const VANCOUVER = 'America/Vancouver';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const consumer = createClientsEventConsumer();
const apply = (event: DomainEvent) => tb.t.subgraph.database.dataSource.transaction((tx) => consumer.handle(event, tx));

let sequence = 0;
function event<T extends EventType>(type: T, payload: EventPayloads[T], occurredAt = new Date()): DomainEvent<T> {
  sequence += 1;
  return {
    id: randomUUID(),
    source: type.startsWith('plan.') ? 'plans' : type.startsWith('referral.') ? 'referrals' : 'clients',
    type,
    aggregateType: 'Client',
    aggregateId: randomUUID(),
    sequence,
    organizationId: tb.staff('casey').organizationId,
    occurredAt: occurredAt.toISOString(),
    payload,
  };
}

let used = 0;
/**
 * Two of casey's active clients no earlier test gave signals to, with the same facts and nothing pressing but
 * their barriers (at most 30 points apart): what the signals then add decides.
 */
async function quietClients(): Promise<[string, string]> {
  const active = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE');
  const [a, b] = active.slice(used, used + 2);
  used += 2;
  await tb.sql(`UPDATE clients.client SET key_dates = '[]', next_follow_up_at = NULL, last_note_at = now() WHERE id = ANY($1::uuid[])`, [
    [a.id, b.id],
  ]);
  await recomputePriorities(tb.t.subgraph.database.dataSource.manager, [a.id, b.id]);
  return [a.id, b.id];
}

interface Priority {
  priority_score: number;
  priority_reasons: string[];
  priority_computed_at: Date;
}
const priorityOf = async (clientId: string) =>
  (
    await tb.sql<Priority>('SELECT priority_score, priority_reasons, priority_computed_at FROM clients.client WHERE id = $1', [clientId])
  )[0];
const signalsOf = (clientId: string) =>
  tb.sql(
    'SELECT kind, subject_id, status, label, count, day::text AS day, at, event_id FROM clients.priority_signal WHERE client_id = $1 ORDER BY kind, subject_id',
    [clientId],
  );

const referral = (clientId: string) => ({
  referralId: randomUUID(),
  clientId,
  referringOrganizationId: tb.staff('casey').organizationId,
  referredById: tb.staff('casey').id,
  receivingOrganizationId: NORTHSIDE_ID,
  receivingOrganizationName: 'Northside Food Bank',
  serviceId: randomUUID(),
  serviceName: 'Weekly Food Pantry',
});

describe("the clients subgraph's consumer: priority from events", () => {
  it('raises the priority of a declined referral with a plain reason, and changes nothing when the same event comes again', async () => {
    const [clientId] = await quietClients();
    const declined = event('referral.answered', { ...referral(clientId), answer: 'DECLINED' });
    await apply(declined);
    const first = await priorityOf(clientId);
    expect(first.priority_reasons).toContain('Referral to Northside Food Bank declined');
    const signals = await signalsOf(clientId);

    await apply(declined);
    expect(await priorityOf(clientId)).toEqual(first);
    expect(await signalsOf(clientId)).toEqual(signals);
  });

  it('counts overdue plan steps from the latest state plans told, and ignores an older state that arrives late', async () => {
    const [clientId] = await quietClients();
    const planId = randomUUID();
    const [s1, s2] = [randomUUID(), randomUUID()];
    const earlier = new Date(Date.now() - 60_000);
    const stale = event(
      'plan.step_overdue',
      { clientId, organizationId: tb.staff('casey').organizationId, planId, stepId: s1, dueOn: '2020-01-01', overdueStepIds: [s1] },
      earlier,
    );
    await apply(
      event('plan.step_overdue', {
        clientId,
        organizationId: tb.staff('casey').organizationId,
        planId,
        stepId: s2,
        dueOn: '2020-01-02',
        overdueStepIds: [s1, s2],
      }),
    );
    expect((await priorityOf(clientId)).priority_reasons).toContain('2 plan steps overdue');

    await apply(stale);
    expect((await priorityOf(clientId)).priority_reasons).toContain('2 plan steps overdue');

    await apply(event('plan.steps_changed', { clientId, organizationId: tb.staff('casey').organizationId, planId, overdueStepIds: [s2] }));
    expect((await priorityOf(clientId)).priority_reasons).toContain('1 plan step overdue');
    await apply(event('plan.steps_changed', { clientId, organizationId: tb.staff('casey').organizationId, planId, overdueStepIds: [] }));
    expect((await priorityOf(clientId)).priority_reasons.filter((r) => /plan step/.test(r))).toEqual([]);
  });

  it('shows a follow-up due today until its referral is cancelled, and an expired referral', async () => {
    const [clientId] = await quietClients();
    const r = referral(clientId);
    // Today where casey's agency works (the demo's Harbour keeps Halifax's time zone).
    const [zone] = (await agencyTimeZones(tb.t.subgraph.database.dataSource.manager, [tb.staff('casey').organizationId])).values();
    const today = localDay(new Date(), zone);
    await apply(event('referral.follow_up_due', { ...r, dueOn: today }));
    expect((await priorityOf(clientId)).priority_reasons).toContain('Follow-up with Northside Food Bank due today');
    await apply(event('referral.cancelled', r));
    expect((await priorityOf(clientId)).priority_reasons).not.toContain('Follow-up with Northside Food Bank due today');

    const other = { ...referral(clientId), receivingOrganizationName: 'Eastside Legal Clinic' };
    await apply(event('referral.expired', other));
    expect((await priorityOf(clientId)).priority_reasons).toContain('Referral to Eastside Legal Clinic expired');
    await apply(event('referral.follow_up_due', { ...other, dueOn: today }));
    expect((await priorityOf(clientId)).priority_reasons).not.toContain('Follow-up with Eastside Legal Clinic due today');
  });

  it('counts missed appointments in the last 90 days, and takes back one later recorded as attended', async () => {
    const [clientId] = await quietClients();
    const appointment = (daysAgo: number) => {
      const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
      return {
        clientId,
        organizationId: tb.staff('casey').organizationId,
        appointmentId: randomUUID(),
        staffMemberId: tb.staff('casey').id,
        kind: 'OFFICE_VISIT',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      };
    };
    const [recent, older, long] = [appointment(2), appointment(30), appointment(120)];
    for (const a of [recent, older, long]) await apply(event('appointment.missed', a));
    expect((await priorityOf(clientId)).priority_reasons).toContain('Missed 2 appointments in 90 days');
    await apply(event('appointment.attended', older));
    expect((await priorityOf(clientId)).priority_reasons).toContain('Missed 1 appointment in 90 days');
  });

  it('orders the caseload by it: of two clients alike, the one with overdue steps and a declined referral comes first', async () => {
    const [a, b] = await quietClients();
    const before = await tb.as<{ myCaseload: { edges: Array<{ node: { id: string } }> } }>(
      'casey',
      `{ myCaseload(first: 100, status: [INTAKE, ACTIVE]) { edges { node { id } } } }`,
    );
    const ids = before.data!.myCaseload.edges.map((e) => e.node.id);
    // Whichever comes first now, the other gets the signals and must then come first.
    const [ahead, behind] = ids.indexOf(a) < ids.indexOf(b) ? [a, b] : [b, a];
    const planId = randomUUID();
    await apply(
      event('plan.steps_changed', {
        clientId: behind,
        organizationId: tb.staff('casey').organizationId,
        planId,
        overdueStepIds: [randomUUID(), randomUUID()],
      }),
    );
    await apply(event('referral.answered', { ...referral(behind), answer: 'DECLINED' }));
    expect((await priorityOf(behind)).priority_score).toBeGreaterThan((await priorityOf(ahead)).priority_score);

    const after = await tb.as<{ myCaseload: { edges: Array<{ node: { id: string; priority: { reasons: string[] } } }> } }>(
      'casey',
      `{ myCaseload(first: 100, status: [INTAKE, ACTIVE]) { edges { node { id priority { reasons } } } } }`,
    );
    const nodes = after.data!.myCaseload.edges.map((e) => e.node);
    expect(nodes.findIndex((n) => n.id === behind)).toBeLessThan(nodes.findIndex((n) => n.id === ahead));
    expect(nodes.find((n) => n.id === behind)!.priority.reasons).toEqual(
      expect.arrayContaining(['2 plan steps overdue', 'Referral to Northside Food Bank declined']),
    );
  });
});

describe("the daily recomputation, by the agency's day", () => {
  it("takes a client again after midnight where its agency works, not at UTC's midnight", async () => {
    const [clientId] = await quietClients();
    const organizationId = tb.staff('casey').organizationId;
    const day = localDay(new Date(), VANCOUVER);
    const computed = atLocalTime(day, '23:30', VANCOUVER);
    const afterMidnight = atLocalTime(addDays(day, 1), '00:30', VANCOUVER);
    // Both instants fall on one UTC day: only the agency's day has turned.
    expect(localDay(computed, 'UTC')).toBe(localDay(afterMidnight, 'UTC'));
    await tb.sql('UPDATE clients.client SET priority_computed_at = $2 WHERE id = $1', [clientId, computed]);
    const staleAt = (now: Date, zones: Record<string, string>) => {
      const starts = Object.fromEntries(Object.entries(zones).map(([org, zone]) => [org, startOfLocalDay(now, zone).toISOString()]));
      return tb.t.subgraph.database.dataSource.transaction(async (tx) =>
        (await lockStalePriorities(tx, 100_000, startOfLocalDay(now, 'UTC'), starts)).map((r) => r.id),
      );
    };
    expect(await staleAt(afterMidnight, {})).not.toContain(clientId);
    expect(await staleAt(afterMidnight, { [organizationId]: VANCOUVER })).toContain(clientId);
    expect(await staleAt(computed, { [organizationId]: VANCOUVER })).not.toContain(clientId);
  });
});
