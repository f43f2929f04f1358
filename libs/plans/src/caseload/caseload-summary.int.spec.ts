/**
 * CaseloadSummary.overdueSteps: the plans subgraph counts the overdue steps
 * of the open clients the clients subgraph signed into the caseload grant,
 * for a supervisor of the case manager's agency only, every row of a request
 * in one statement; anything else is FORBIDDEN and audited.
 */
import { type Actor, signCaseloadGrant } from '@caseflow/auth';
import { demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { calendarDate } from '../step/step.rules';
import { actorOf, type PlansTestbed, startPlansTestbed, type StaffKey } from '../testing/testbed';

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CaseloadSummary { staffMemberId overdueSteps } } }`;
type Answer = { _entities: Array<{ staffMemberId: string; overdueSteps: number } | null> };

const openClientsOf = (staffId: string) =>
  bed.world.clients.filter((c) => c.caseManagerId === staffId && c.status !== 'CLOSED').map((c) => c.id);

/** The rule of an overdue step worked out by hand from the seed: before today, not done, of an OPEN goal of a draft or active plan. */
function expectedOverdue(clientIds: string[]): number {
  const today = calendarDate(new Date());
  return bed.seed.plans
    .filter((p) => clientIds.includes(p.clientId) && (p.status === 'DRAFT' || p.status === 'ACTIVE'))
    .flatMap((p) => p.goals.filter((g) => g.status === 'OPEN').flatMap((g) => g.task.steps))
    .filter((s) => s.dueDate < today && s.outcome !== 'COMPLETE' && s.outcome !== 'CANCELLED').length;
}

/** The representation the gateway sends: the key and the grant the clients subgraph signed for `signedFor`. */
const row = (key: StaffKey, signedFor: Actor, options: { organizationId?: string; requestId?: string } = {}) => {
  const s = demoStaff(key);
  const grant = { staffMemberId: s.id, organizationId: options.organizationId ?? s.organizationId, clientIds: openClientsOf(s.id) };
  const caseloadGrant = signCaseloadGrant(grant, { actor: signedFor, requestId: options.requestId ?? 'test-request' }, bed.t.secret);
  return { __typename: 'CaseloadSummary', staffMemberId: s.id, caseloadGrant };
};

describe('CaseloadSummary.overdueSteps', () => {
  it("counts each case manager's open clients' overdue steps for their supervisor, in one statement for the whole team", async () => {
    const sam = actorOf('sam');
    const mark = bed.statementMark();
    const answer = await bed.gql<Answer>('sam', QUERY, { r: [row('casey', sam), row('jordan', sam)] });
    expect(answer.errors).toBeUndefined();
    const [casey, jordan] = [demoStaff('casey'), demoStaff('jordan')];
    expect(answer.data!._entities).toEqual([
      { staffMemberId: casey.id, overdueSteps: expectedOverdue(openClientsOf(casey.id)) },
      { staffMemberId: jordan.id, overdueSteps: expectedOverdue(openClientsOf(jordan.id)) },
    ]);
    expect(answer.data!._entities.some((e) => e!.overdueSteps > 0)).toBe(true);
    expect(bed.sqlSince(mark)).toHaveLength(1);
  });

  it('refuses case managers, analysts, other agencies, other requests and a missing or forged grant, auditing each refusal', async () => {
    const sam = actorOf('sam');
    const casey = demoStaff('casey');
    const stolen = row('casey', sam);
    const refusals: Array<[StaffKey, Record<string, unknown>]> = [
      ['casey', row('casey', actorOf('casey'))],
      ['alex', row('casey', actorOf('alex'))],
      ['admin', row('casey', actorOf('admin'))],
      ['sam', row('casey', sam, { organizationId: demoStaff('pat').organizationId })],
      ['sam', row('casey', sam, { requestId: 'another-request' })],
      ['sam', { __typename: 'CaseloadSummary', staffMemberId: casey.id }],
      ['sam', { ...stolen, staffMemberId: demoStaff('jordan').id }],
      ['sam', { ...stolen, caseloadGrant: `${stolen.caseloadGrant.slice(0, -2)}AA` }],
    ];
    for (const [who, representation] of refusals) {
      const audit = await bed.lastAuditId();
      const mark = bed.statementMark();
      const answer = await bed.gql<Answer>(who, QUERY, { r: [representation] });
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data?._entities ?? [null]).toEqual([null]);
      expect(bed.sqlSince(mark)).toEqual([]);
      expect(await bed.auditSince(audit)).toEqual([
        expect.objectContaining({
          action: 'READ',
          outcome: 'DENIED',
          entity_type: 'CaseloadSummary',
          entity_id: representation.staffMemberId,
        }),
      ]);
    }
  });
});
