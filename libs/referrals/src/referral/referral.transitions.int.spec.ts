import { EASTSIDE_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes, type GraphQLResponse } from '@caseflow/testing';
import { draftReferral } from '../testing/drafts';
import { type ReferralsTest, type StaffKey, testbedForSuite } from '../testing/testbed';

const FIELDS = 'id status sentAt respondBy declineReason outcome history { status actor { id } note }';
const SEND = `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { ${FIELDS} } }`;
const RESPOND = `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { ${FIELDS} } }`;
const START = `mutation($id: ID!, $note: String) { startReferral(referralId: $id, note: $note) { ${FIELDS} } }`;
const COMPLETE = `mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelReferral(referralId: $id, reason: $reason) { ${FIELDS} } }`;

interface Moved {
  id: string;
  status: string;
  sentAt: string | null;
  respondBy: string | null;
  declineReason: string | null;
  outcome: string | null;
  history: Array<{ status: string; actor: { id: string } | null; note: string | null }>;
}
type Result = GraphQLResponse<Record<string, Moved>>;

let r: ReferralsTest;
const casey = demoStaff('casey');
const sam = demoStaff('sam');
const pat = demoStaff('pat');

testbedForSuite((t) => (r = t));

const client = () => r.world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')[1];

const draft = () => draftReferral(r, client().id);

async function sent(): Promise<string> {
  const id = await draft();
  r.consent(client().id, NORTHSIDE_ID);
  expect((await r.as('casey', SEND, { id })).errors).toBeUndefined();
  r.clients.reset();
  return id;
}

/** The referral as stored, with its history: what a refused move must leave alone. */
async function snapshot(id: string) {
  const [row] = await r.query(
    'SELECT status, sent_at, respond_by, decline_reason, outcome, updated_at FROM referrals.referral WHERE id = $1',
    [id],
  );
  const events = await r.query('SELECT status, actor_id, note FROM referrals.referral_event WHERE referral_id = $1 ORDER BY at, id', [id]);
  return { row, events };
}

async function refused(key: StaffKey, query: string, variables: Record<string, unknown>, id: string, code: string, field?: string) {
  const before = await snapshot(id);
  const res = await r.as(key, query, variables);
  expect(errorCodes(res)).toEqual([code]);
  if (field) expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.data).toBeNull();
  expect(await snapshot(id)).toEqual(before);
  return res;
}

describe('sendReferral: the consent gate', () => {
  it('refuses to send without a consent to the receiving organization covering REFERRAL_DETAILS, and says so', async () => {
    const id = await draft();
    const mark = await r.auditMark();
    const res = await refused('casey', SEND, { id }, id, 'FORBIDDEN');
    expect(res.errors![0].message).toMatch(/no active consent to the receiving organization covering REFERRAL_DETAILS/);
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({
        action: 'TRANSITION',
        outcome: 'DENIED',
        entity_id: id,
        client_id: client().id,
        detail: 'SEND: FORBIDDEN',
      }),
    ]);
  });

  it('refuses an expired consent, a consent to another organization and one without REFERRAL_DETAILS', async () => {
    const id = await draft();
    r.consent(client().id, NORTHSIDE_ID, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    r.consent(client().id, EASTSIDE_ID);
    r.consent(client().id, NORTHSIDE_ID, { scope: ['CONTACT_INFO', 'ASSESSMENTS'] });
    await refused('casey', SEND, { id }, id, 'FORBIDDEN');
  });

  it('sends under an active consent: SENT, sentAt now, respondBy fourteen days on, a SENT event and a TRANSITION audit', async () => {
    const id = await draft();
    r.consent(client().id, NORTHSIDE_ID);
    const mark = await r.auditMark();
    const res = (await r.as('casey', SEND, { id })) as Result;
    expect(res.errors).toBeUndefined();
    const moved = res.data!.sendReferral;
    expect(moved.status).toBe('SENT');
    expect(Date.parse(moved.respondBy!) - Date.parse(moved.sentAt!)).toBe(14 * 86_400_000);
    expect(moved.history).toEqual([
      { status: 'DRAFT', actor: { id: casey.id }, note: null },
      { status: 'SENT', actor: { id: casey.id }, note: null },
    ]);
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({ action: 'TRANSITION', outcome: 'ALLOWED', entity_id: id, client_id: client().id, detail: 'DRAFT→SENT' }),
    ]);
    await refused('casey', SEND, { id }, id, 'INVALID_TRANSITION');
  });

  it('lets a supervisor override a missing consent with a reason, kept in the history and audited as OVERRIDE', async () => {
    const id = await draft();
    const mark = await r.auditMark();
    const res = (await r.as('sam', SEND, { id, why: 'Client consented by phone; signed form follows' })) as Result;
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendReferral.status).toBe('SENT');
    expect(res.data!.sendReferral.history[1]).toEqual({
      status: 'SENT',
      actor: { id: sam.id },
      note: 'Sent without a recorded consent (supervisor override): Client consented by phone; signed form follows',
    });
    const audit = await r.auditSince(mark);
    expect(audit.map((a) => [a.action, a.outcome, a.actor_id, a.entity_id])).toEqual([
      ['TRANSITION', 'ALLOWED', sam.id, id],
      ['OVERRIDE', 'ALLOWED', sam.id, id],
    ]);
    expect(audit[1].detail).toBe(`sent without consent REFERRAL_DETAILS to organization ${NORTHSIDE_ID}`);
  });

  it('refuses an override from a case manager, and a bad override reason', async () => {
    const id = await draft();
    const res = await refused('casey', SEND, { id, why: 'urgent' }, id, 'FORBIDDEN');
    expect(res.errors![0].message).toBe('Only a supervisor may override a missing consent');
    await refused('sam', SEND, { id, why: 'x'.repeat(2001) }, id, 'BAD_USER_INPUT', 'overrideConsentReason');
  });
});

describe('answering a referral: the receiving organization', () => {
  it('lets pat accept, start and complete with an outcome, each an event with who and the note', async () => {
    const id = await sent();
    const accepted = (await r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT', note: 'Intake booked' } })) as Result;
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.respondToReferral.status).toBe('ACCEPTED');
    expect((await r.as('pat', START, { id, note: 'First visit done' })).errors).toBeUndefined();
    const done = (await r.as('pat', COMPLETE, { input: { referralId: id, outcome: 'SERVICE_PROVIDED', note: 'Weekly hamper' } })) as Result;
    expect(done.errors).toBeUndefined();
    expect(done.data!.completeReferral).toMatchObject({ status: 'COMPLETED', outcome: 'SERVICE_PROVIDED' });
    expect(done.data!.completeReferral.history.map((e) => [e.status, e.actor?.id, e.note])).toEqual([
      ['DRAFT', casey.id, null],
      ['SENT', casey.id, null],
      ['ACCEPTED', pat.id, 'Intake booked'],
      ['IN_PROGRESS', pat.id, 'First visit done'],
      ['COMPLETED', pat.id, 'Weekly hamper'],
    ]);
    const [row] = await r.query<{ first_response_at: Date; accepted_at: Date }>(
      'SELECT first_response_at, accepted_at FROM referrals.referral WHERE id = $1',
      [id],
    );
    expect(row.accepted_at).toEqual(row.first_response_at);
  });

  it('requires a reason to decline (and only to decline), and keeps it as the decline reason', async () => {
    const id = await sent();
    await refused('pat', RESPOND, { input: { referralId: id, decision: 'DECLINE' } }, id, 'BAD_USER_INPUT', 'input.reason');
    await refused(
      'pat',
      RESPOND,
      { input: { referralId: id, decision: 'ACCEPT', reason: 'because' } },
      id,
      'BAD_USER_INPUT',
      'input.reason',
    );
    const res = (await r.as('pat', RESPOND, {
      input: { referralId: id, decision: 'DECLINE', reason: 'No capacity this month' },
    })) as Result;
    expect(res.data!.respondToReferral).toMatchObject({ status: 'DECLINED', declineReason: 'No capacity this month' });
    expect(res.data!.respondToReferral.history[2]).toEqual({ status: 'DECLINED', actor: { id: pat.id }, note: 'No capacity this month' });
  });

  it('waitlists, then accepts from the waitlist; a second waitlist is INVALID_TRANSITION', async () => {
    const id = await sent();
    expect(
      ((await r.as('pat', RESPOND, { input: { referralId: id, decision: 'WAITLIST', note: 'About three weeks' } })) as Result).data!
        .respondToReferral.status,
    ).toBe('WAITLISTED');
    await refused('pat', RESPOND, { input: { referralId: id, decision: 'WAITLIST' } }, id, 'INVALID_TRANSITION');
    expect(((await r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } })) as Result).data!.respondToReferral.status).toBe(
      'ACCEPTED',
    );
  });

  it('refuses moves from the wrong status with INVALID_TRANSITION, changing nothing', async () => {
    const id = await sent();
    await refused('pat', START, { id }, id, 'INVALID_TRANSITION');
    await refused('pat', COMPLETE, { input: { referralId: id, outcome: 'SERVICE_PROVIDED' } }, id, 'INVALID_TRANSITION');
  });

  it('runs two moves in one request in order', async () => {
    const id = await sent();
    const res = await r.as<{ a: Moved; b: Moved }>(
      'pat',
      `mutation($id: ID!) { a: respondToReferral(input: { referralId: $id, decision: ACCEPT }) { status } b: startReferral(referralId: $id) { status history { status } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      a: { status: 'ACCEPTED' },
      b: { status: 'IN_PROGRESS', history: ['DRAFT', 'SENT', 'ACCEPTED', 'IN_PROGRESS'].map((status) => ({ status })) },
    });
  });
});

describe('who may move a referral', () => {
  it('refuses robin (Eastside) and an analyst as callers who may not see the referral, audited', async () => {
    const id = await sent();
    const mark = await r.auditMark();
    for (const key of ['robin', 'alex'] as const) {
      const res = await refused(key, RESPOND, { input: { referralId: id, decision: 'ACCEPT' } }, id, 'FORBIDDEN');
      expect(res.errors![0].message).toBe('You may not see this referral');
    }
    expect((await r.auditSince(mark)).map((a) => [a.action, a.outcome, a.actor_id])).toEqual([
      ['TRANSITION', 'DENIED', demoStaff('robin').id],
      ['TRANSITION', 'DENIED', demoStaff('alex').id],
    ]);
  });

  it('refuses the wrong side with FORBIDDEN: the case side may not answer, the partner may not cancel', async () => {
    const id = await sent();
    const answer = await refused('casey', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } }, id, 'FORBIDDEN');
    expect(answer.errors![0].message).toBe('Only the receiving organization may accept a referral');
    await refused('pat', CANCEL, { id, reason: 'no' }, id, 'FORBIDDEN');
  });

  it('hides a draft from the receiving partner, who cannot answer it', async () => {
    const id = await draft();
    await refused('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } }, id, 'FORBIDDEN');
  });

  it('lets the sender cancel with a reason until the referral is in progress', async () => {
    const id = await sent();
    await refused('casey', CANCEL, { id, reason: '   ' }, id, 'BAD_USER_INPUT', 'reason');
    const res = (await r.as('casey', CANCEL, { id, reason: 'Client found another program' })) as Result;
    expect(res.data!.cancelReferral.status).toBe('CANCELLED');
    expect(res.data!.cancelReferral.history[2]).toEqual({
      status: 'CANCELLED',
      actor: { id: casey.id },
      note: 'Client found another program',
    });
    await refused('casey', CANCEL, { id, reason: 'again' }, id, 'INVALID_TRANSITION');
  });

  it('answers NOT_FOUND for an unknown referral and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await r.as('casey', CANCEL, { id: '00000000-0000-4000-8000-000000000999', reason: 'x' });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const bad = await r.as('pat', RESPOND, { input: { referralId: 'nope', decision: 'ACCEPT' } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('input.referralId');
  });
});

describe('atomic transitions', () => {
  it('lets one of two racing answers win; the other is INVALID_TRANSITION and the history shows one answer', async () => {
    const id = await sent();
    const results = await Promise.all([
      r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } }),
      r.as('pat', RESPOND, { input: { referralId: id, decision: 'DECLINE', reason: 'Full' } }),
      r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT', note: 'second tab' } }),
    ]);
    const codes = results.map((x) => errorCodes(x)[0] ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK')).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
    const events = await r.query<{ status: string }>('SELECT status FROM referrals.referral_event WHERE referral_id = $1 ORDER BY at, id', [
      id,
    ]);
    expect(events.map((e) => e.status).slice(0, 2)).toEqual(['DRAFT', 'SENT']);
    expect(events).toHaveLength(3);
  });

  it('refuses a move whose status changed between the decision and the write (conditional UPDATE)', async () => {
    const id = await sent();
    const blocker = r.t.subgraph.database.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query(`UPDATE referrals.referral SET status = 'WAITLISTED' WHERE id = $1`, [id]);
      const pending = r.as('pat', RESPOND, { input: { referralId: id, decision: 'ACCEPT' } });
      // Wait until the answer's UPDATE waits for the blocker's row lock, then let the blocker commit first.
      for (let waiting = 0; waiting === 0;) {
        waiting = Number(
          (
            await r.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            )
          )[0].n,
        );
      }
      await blocker.commitTransaction();
      const res = await pending;
      expect(errorCodes(res)).toEqual(['INVALID_TRANSITION']);
      expect(res.errors![0].message).toBe('The referral is no longer SENT: another change came first');
    } finally {
      await blocker.release();
    }
    const events = await r.query<{ status: string }>('SELECT status FROM referrals.referral_event WHERE referral_id = $1', [id]);
    expect(events.map((e) => e.status)).toEqual(['DRAFT', 'SENT']);
  });
});

describe('what a move costs', () => {
  it('reads the referral once and writes in one transaction: the conditional UPDATE, the history event and its domain event (audit apart)', async () => {
    const id = await sent();
    const mark = r.t.subgraph.database.counter.count;
    const res = await r.as('pat', `mutation($input: RespondToReferralInput!) { respondToReferral(input: $input) { id status } }`, {
      input: { referralId: id, decision: 'ACCEPT' },
    });
    expect(res.errors).toBeUndefined();
    const statements = r.sqlSince(mark);
    expect(statements).toHaveLength(6);
    expect(statements[0]).toBe('SELECT r.* FROM referrals.referral r WHERE r.id = ANY($1::uuid[])');
    expect([statements[1], statements[5]]).toEqual(['START TRANSACTION', 'COMMIT']);
    expect(statements[2]).toMatch(/UPDATE referrals\.referral SET status = \$3, .*WHERE id = \$1 AND status = \$2/s);
    expect(statements[3]).toMatch(/^INSERT INTO "referrals"\."referral_event"/);
    expect(statements[4]).toMatch(/INSERT INTO "referrals"\.outbox_event/);
  });
});
