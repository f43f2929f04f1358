/**
 * CaseloadSummary.referralsAwaitingAnswer: sent and not yet answered
 * referrals of exactly the clients in the caseload grant, for a supervisor
 * of the case manager's agency only (one statement for every row); anyone
 * else, or a grant that does not verify for this caller and request, is
 * FORBIDDEN and audited.
 */
import { signCaseloadGrant } from '@caseflow/auth';
import { type DemoStaff, demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { actorOf, type ReferralsTest, type StaffKey, startReferralsTest } from '../testing/testbed';

let r: ReferralsTest;
beforeAll(async () => {
  r = await startReferralsTest();
});
afterAll(() => r?.stop());

const AWAITING = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CaseloadSummary { referralsAwaitingAnswer } } }`;
type Answer = { _entities: Array<{ referralsAwaitingAnswer: number } | null> };

const sam = demoStaff('sam');
const caseload = (s: DemoStaff) => r.world.clients.filter((c) => c.caseManagerId === s.id && c.status !== 'CLOSED').map((c) => c.id);
const sentTo = (clientIds: string[]) => r.seeded.filter((x) => clientIds.includes(x.clientId) && x.status === 'SENT').length;
const representation = (of: DemoStaff, clientIds: string[], by: DemoStaff = sam, organizationId = of.organizationId) => ({
  __typename: 'CaseloadSummary',
  staffMemberId: of.id,
  caseloadGrant: signCaseloadGrant(
    { staffMemberId: of.id, organizationId, clientIds },
    { actor: actorOf(by), requestId: 'test-request' },
    r.t.secret,
  ),
});

describe('CaseloadSummary.referralsAwaitingAnswer', () => {
  it('counts the sent, unanswered referrals of the granted clients only, for every row in one statement', async () => {
    const [casey, jordan] = [demoStaff('casey'), demoStaff('jordan')];
    const half = caseload(jordan).slice(0, Math.ceil(caseload(jordan).length / 2));
    expect(sentTo(caseload(casey))).toBeGreaterThan(0);
    const mark = r.t.subgraph.database.counter.count;
    const answer = await r.as<Answer>('sam', AWAITING, { r: [representation(casey, caseload(casey)), representation(jordan, half)] });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toEqual([
      { referralsAwaitingAnswer: sentTo(caseload(casey)) },
      { referralsAwaitingAnswer: sentTo(half) },
    ]);
    expect(r.sqlSince(mark).filter((s) => s.includes('referrals.referral'))).toHaveLength(1);
  });

  it('refuses anyone but a supervisor of the agency and grants not signed for this caller, with nothing read and the refusal audited', async () => {
    const casey = demoStaff('casey');
    const cases: Array<[StaffKey, ReturnType<typeof representation> | Record<string, unknown>]> = [
      ['casey', representation(casey, caseload(casey), casey)],
      ['pat', representation(casey, caseload(casey), demoStaff('pat'))],
      ['alex', representation(casey, caseload(casey), demoStaff('alex'))],
      ['sam', representation(casey, caseload(casey), sam, demoStaff('robin').organizationId)],
      ['sam', representation(casey, caseload(casey), demoStaff('jordan'))],
      ['sam', { __typename: 'CaseloadSummary', staffMemberId: casey.id, caseloadGrant: 'cl1.e30.AAAA' }],
    ];
    for (const [who, rep] of cases) {
      const audit = await r.auditMark();
      const mark = r.t.subgraph.database.counter.count;
      const answer = await r.as<Answer>(who, AWAITING, { r: [rep] });
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?._entities ?? [null]).toEqual([null]);
      expect(r.sqlSince(mark)).toEqual([]);
      expect(await r.auditSince(audit)).toEqual([
        expect.objectContaining({ outcome: 'DENIED', entity_type: 'CaseloadSummary', entity_id: casey.id }),
      ]);
    }
  });
});
