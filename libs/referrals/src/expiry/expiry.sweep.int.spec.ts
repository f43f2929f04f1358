import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, startTestSubgraph } from '@caseflow/testing';
import { referralsSubgraph } from '../subgraph';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';
import { EXPIRY_NOTE, SYSTEM_ACTOR_ID, sweepExpiredReferrals } from './expiry.job';

let r: ReferralsTest;
testbedForSuite((t) => (r = t));

const ds = () => r.t.subgraph.database.dataSource;
const waitingIds = (status: string) => r.seeded.filter((x) => x.status === status).map((x) => x.id);
const statusOf = async (ids: string[]) =>
  Object.fromEntries(
    (await r.query<{ id: string; status: string }>('SELECT id, status FROM referrals.referral WHERE id = ANY($1)', [ids])).map((x) => [
      x.id,
      x.status,
    ]),
  );
const expiryEvents = (ids: string[]) =>
  r.query<{ referral_id: string; actor_id: string | null; note: string }>(
    `SELECT referral_id, actor_id, note FROM referrals.referral_event WHERE status = 'EXPIRED' AND referral_id = ANY($1) ORDER BY referral_id`,
    [ids],
  );
/** Moves the deadline of these referrals an hour into the past. */
const due = (ids: string[]) => r.query(`UPDATE referrals.referral SET respond_by = now() - interval '1 hour' WHERE id = ANY($1)`, [ids]);

describe('the expiry sweep', () => {
  it('expires SENT and WAITLISTED referrals past respondBy, with a history event and an audit event each, and nothing else', async () => {
    const [sent, waitlisted] = [waitingIds('SENT'), waitingIds('WAITLISTED')];
    const accepted = waitingIds('ACCEPTED');
    expect(sent.length).toBeGreaterThan(1);
    expect(waitlisted.length).toBeGreaterThan(0);
    const target = [sent[0], waitlisted[0]];
    await due([...target, ...accepted]);
    const mark = await r.auditMark();

    const expired = await sweepExpiredReferrals(ds());
    expect(expired.map((e) => [e.id, e.from]).sort()).toEqual(
      [
        [sent[0], 'SENT'],
        [waitlisted[0], 'WAITLISTED'],
      ].sort(),
    );
    expect(await statusOf([...target, sent[1], ...accepted])).toEqual({
      [sent[0]]: 'EXPIRED',
      [waitlisted[0]]: 'EXPIRED',
      [sent[1]]: 'SENT',
      ...Object.fromEntries(accepted.map((id) => [id, 'ACCEPTED'])),
    });
    expect(await expiryEvents(target)).toEqual(target.sort().map((id) => ({ referral_id: id, actor_id: null, note: EXPIRY_NOTE })));
    const audit = await r.auditSince(mark);
    expect(audit.map((a) => [a.action, a.actor_id, a.entity_id, a.detail]).sort()).toEqual(
      [
        ['TRANSITION', SYSTEM_ACTOR_ID, sent[0], 'SENT→EXPIRED'],
        ['TRANSITION', SYSTEM_ACTOR_ID, waitlisted[0], 'WAITLISTED→EXPIRED'],
      ].sort(),
    );
    expect(await sweepExpiredReferrals(ds())).toEqual([]);
  });

  it('is safe in several replicas at once: each due referral expires once, with one event', async () => {
    const ids = waitingIds('SENT').slice(1);
    await due(ids);
    const runs = await Promise.all([1, 2, 3, 4].map(() => sweepExpiredReferrals(ds(), 1)));
    expect(
      runs
        .flat()
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect((await expiryEvents(ids)).map((e) => e.referral_id)).toEqual([...ids].sort());
  });

  it('leaves a partner who answers after the sweep with INVALID_TRANSITION', async () => {
    const { id } = r.seeded.find((x) => x.status === 'SENT' && x.organizationId === NORTHSIDE_ID)!;
    // Self-contained: the deadline passes and the sweep runs here, whatever the tests above did.
    await due([id]);
    await sweepExpiredReferrals(ds());
    expect(await statusOf([id])).toEqual({ [id]: 'EXPIRED' });
    const res = await r.as('pat', `mutation($id: ID!) { respondToReferral(input: { referralId: $id, decision: ACCEPT }) { status } }`, {
      id,
    });
    expect(errorCodes(res)).toEqual(['INVALID_TRANSITION']);
    expect(res.errors![0].message).toBe('The referral is EXPIRED: it can be accepted only from SENT or WAITLISTED');
    expect(await statusOf([id])).toEqual({ [id]: 'EXPIRED' });
  });
});

describe('the scheduled sweep', () => {
  it('runs inside the subgraph at the configured interval and stops with it', async () => {
    const { id } = await r
      .query<{ id: string }>(
        `INSERT INTO referrals.referral (client_id, client_organization_id, service_id, organization_id, referred_by, need, necessary_rationale,
                                       appropriate_rationale, status, sent_at, respond_by)
       SELECT client_id, client_organization_id, service_id, organization_id, referred_by, need, necessary_rationale, appropriate_rationale,
              'SENT', now() - interval '15 days', now() - interval '1 day'
         FROM referrals.referral LIMIT 1
       RETURNING id`,
      )
      .then((rows) => rows[0]);
    const replica = await startTestSubgraph(referralsSubgraph, {
      databaseUrl: r.t.databaseUrl,
      internalSecret: r.t.secret,
      jobIntervalMs: 20,
    });
    try {
      // Wait for the replica's own timer to expire the referral (the test's timeout bounds the wait).
      while ((await statusOf([id]))[id] !== 'EXPIRED') await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await replica.stop();
    }
    expect((await expiryEvents([id])).map((e) => e.referral_id)).toEqual([id]);
  });
});
