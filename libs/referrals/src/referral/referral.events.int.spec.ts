import { addDays, localDay } from '@caseflow/core';
import { fetchOrganizationTimeZones } from '@caseflow/auth';
import { HARBOUR_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { atLocalTime, errorCodes } from '@caseflow/testing';
import { sweepExpiredReferrals } from '../expiry/expiry.job';
import { recordFollowUpsDue } from '../follow-up/follow-up.job';
import { draftReferral } from '../testing/drafts';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const SEND = `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { status } }`;
const RESPOND = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { status } }`;
const START = `mutation($id: ID!) { startReferral(referralId: $id) { status } }`;
const COMPLETE = `mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { status } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelReferral(referralId: $id, reason: $reason) { status } }`;

const VANCOUVER = 'America/Vancouver';
const casey = demoStaff('casey');
const sam = demoStaff('sam');

let r: ReferralsTest;
testbedForSuite((t) => (r = t));

const client = () => r.world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')[2];

interface OutboxRow {
  type: string;
  sequence: number;
  organization_id: string;
  payload: Record<string, unknown>;
}
const outbox = (referralId: string) =>
  r.query<OutboxRow>(
    `SELECT type, sequence, organization_id, payload FROM referrals.outbox_event
      WHERE aggregate_type = 'Referral' AND aggregate_id = $1 ORDER BY sequence`,
    [referralId],
  );
const typesOf = async (referralId: string) => (await outbox(referralId)).map((e) => e.type);

const draft = () => draftReferral(r, client().id);

async function sent(): Promise<string> {
  const id = await draft();
  r.consent(client().id, NORTHSIDE_ID);
  expect((await r.as('casey', SEND, { id })).errors).toBeUndefined();
  return id;
}

describe('referral events', () => {
  it('records one event per move, in order, in the referring agency, with the names of the service and organization', async () => {
    const id = await draft();
    expect(await outbox(id)).toEqual([]);
    r.consent(client().id, NORTHSIDE_ID);
    await r.as('casey', SEND, { id });
    await r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } });
    await r.as('pat', START, { id });
    await r.as('pat', COMPLETE, { input: { referralId: id, outcome: 'SERVICE_PROVIDED' } });

    const facts = {
      referralId: id,
      clientId: client().id,
      referringOrganizationId: casey.organizationId,
      referredById: casey.id,
      receivingOrganizationId: NORTHSIDE_ID,
      receivingOrganizationName: 'Northside Food Bank',
      serviceId: r.pantry().id,
      serviceName: 'Weekly Food Pantry',
    };
    expect(await outbox(id)).toEqual([
      { type: 'referral.sent', sequence: 1, organization_id: casey.organizationId, payload: facts },
      { type: 'referral.answered', sequence: 2, organization_id: casey.organizationId, payload: { ...facts, answer: 'ACCEPTED' } },
      { type: 'referral.started', sequence: 3, organization_id: casey.organizationId, payload: facts },
      {
        type: 'referral.completed',
        sequence: 4,
        organization_id: casey.organizationId,
        payload: { ...facts, outcome: 'SERVICE_PROVIDED' },
      },
    ]);
  });

  it('tells of a decline, a waitlisting and a cancellation', async () => {
    const declined = await sent();
    await r.as('pat', RESPOND, { input: { referralId: declined, decision: 'DECLINE', reason: 'No capacity this month' } });
    expect((await outbox(declined)).map((e) => [e.type, e.payload.answer])).toEqual([
      ['referral.sent', undefined],
      ['referral.answered', 'DECLINED'],
    ]);

    const waitlisted = await sent();
    await r.as('pat', RESPOND, { input: { referralId: waitlisted, decision: 'WAITLIST' } });
    await r.as('casey', CANCEL, { id: waitlisted, reason: 'Found another pantry' });
    expect((await outbox(waitlisted)).map((e) => [e.type, e.payload.answer])).toEqual([
      ['referral.sent', undefined],
      ['referral.answered', 'WAITLISTED'],
      ['referral.cancelled', undefined],
    ]);
  });

  it("records a supervisor's send without consent as consent.override_used too", async () => {
    const id = await draft();
    expect((await r.as('sam', SEND, { id, why: 'Client consented by phone; signed form follows' })).errors).toBeUndefined();
    const events = await outbox(id);
    expect(events.map((e) => e.type)).toEqual(['referral.sent', 'consent.override_used']);
    expect(events[1].payload).toEqual({ clientId: client().id, organizationId: casey.organizationId, referralId: id, byStaffId: sam.id });
  });

  it('records nothing for a refused move: wrong side, wrong status, bad input, no consent', async () => {
    const id = await draft();
    expect(errorCodes(await r.as('casey', SEND, { id }))).toEqual(['FORBIDDEN']);
    r.consent(client().id, NORTHSIDE_ID);
    await r.as('casey', SEND, { id });
    expect(errorCodes(await r.as('casey', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await r.as('pat', START, { id }))).toEqual(['INVALID_TRANSITION']);
    expect(errorCodes(await r.as('pat', RESPOND, { input: { referralId: id, decision: 'DECLINE' } }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await r.as('casey', CANCEL, { id, reason: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(await typesOf(id)).toEqual(['referral.sent']);
  });

  it('records referral.expired with each referral the sweep expires, and nothing for the others', async () => {
    const [expiring, waiting] = [await sent(), await sent()];
    await r.query(`UPDATE referrals.referral SET respond_by = now() - interval '1 hour' WHERE id = $1`, [expiring]);
    const expired = await sweepExpiredReferrals(r.t.subgraph.database.dataSource);
    expect(expired.map((e) => e.id)).toContain(expiring);
    const events = await outbox(expiring);
    expect(events.map((e) => e.type)).toEqual(['referral.sent', 'referral.expired']);
    expect(events[1].payload).toMatchObject({ referralId: expiring, serviceName: 'Weekly Food Pantry', referredById: casey.id });
    expect(await typesOf(waiting)).toEqual(['referral.sent']);
    for (const other of expired) expect(await typesOf(other.id)).toContain('referral.expired');
  });
});

describe('follow-ups due today, in the agency time zone', () => {
  // A generous timeout: these tests are about the job's days, not the peer's speed, and a loaded machine may answer slowly.
  const timeZones = (ids: string[]) =>
    fetchOrganizationTimeZones({ clientsUrl: r.clientsUrl, internalSecret: r.t.secret, timeoutMs: 10_000 }, ids);
  const followUps = (id: string) =>
    r.query<{ type: string; payload: { dueOn: string } }>(
      `SELECT type, payload FROM referrals.outbox_event WHERE aggregate_id = $1 AND type = 'referral.follow_up_due' ORDER BY sequence`,
      [id],
    );

  it('fires once per (referral, local day), however often or by however many it runs, and not for the next local day', async () => {
    r.clients.timeZones.set(HARBOUR_ID, VANCOUVER);
    expect(casey.organizationId).toBe(HARBOUR_ID);
    const today = localDay(new Date(), VANCOUVER);
    const [dueToday, dueTomorrow, cancelled] = [await sent(), await sent(), await sent()];
    await r.as('casey', CANCEL, { id: cancelled, reason: 'No longer needed' });
    const at = async (id: string, day: string) =>
      r.query('UPDATE referrals.referral SET follow_up_at = $2 WHERE id = $1', [id, atLocalTime(day, '09:00', VANCOUVER)]);
    await at(dueToday, today);
    await at(dueTomorrow, addDays(today, 1));
    await at(cancelled, today);
    const ds = r.t.subgraph.database.dataSource;

    // 23:30 in Vancouver is already the next day in UTC, when tomorrow's follow-up falls: it is still not due.
    const lateTonight = atLocalTime(today, '23:30', VANCOUVER);
    expect(localDay(lateTonight, 'UTC')).toBe(addDays(today, 1));
    const counts = await Promise.all([recordFollowUpsDue(ds, timeZones, lateTonight), recordFollowUpsDue(ds, timeZones, lateTonight)]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await recordFollowUpsDue(ds, timeZones, lateTonight)).toBe(0);
    expect(await followUps(dueToday)).toEqual([
      {
        type: 'referral.follow_up_due',
        payload: expect.objectContaining({ referralId: dueToday, dueOn: today, receivingOrganizationName: 'Northside Food Bank' }),
      },
    ]);
    expect(await followUps(dueTomorrow)).toEqual([]);
    expect(await followUps(cancelled)).toEqual([]);

    const afterMidnight = atLocalTime(addDays(today, 1), '00:30', VANCOUVER);
    expect(await recordFollowUpsDue(ds, timeZones, afterMidnight)).toBe(1);
    expect(await recordFollowUpsDue(ds, timeZones, afterMidnight)).toBe(0);
    expect((await followUps(dueTomorrow)).map((e) => e.payload.dueOn)).toEqual([addDays(today, 1)]);
    expect(await followUps(dueToday)).toHaveLength(1);
  });

  it('reads the day in UTC for an agency that set no time zone', async () => {
    const id = await sent();
    const now = new Date();
    await r.query(`UPDATE referrals.referral SET follow_up_at = $2 WHERE id = $1`, [id, now]);
    expect(await recordFollowUpsDue(r.t.subgraph.database.dataSource, timeZones, now)).toBeGreaterThanOrEqual(1);
    expect((await followUps(id)).map((e) => e.payload.dueOn)).toEqual([localDay(now, 'UTC')]);
  });
});
