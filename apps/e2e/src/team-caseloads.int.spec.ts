/**
 * teamCaseloads through the gateway: the clients subgraph's rows, with the
 * plans and referrals subgraphs' counts joined in by the CaseloadSummary
 * key and the caseload grant, for a supervisor; a case manager is refused,
 * and the grant itself is not part of the public API.
 */
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { localDay } from '@caseflow/core';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type StaffKey, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const TEAM = `{ teamCaseloads { staffMember { id displayName } openClients highPriority overdueFollowUps overdueSteps referralsAwaitingAnswer } }`;

/** The five counts of a case manager, straight from the three schemas. */
async function countsOf(key: StaffKey) {
  const today = localDay(new Date(), HARBOUR_TIME_ZONE);
  const [row] = await stack.sql<Record<string, number>>(
    `WITH open AS (SELECT id, priority_level, next_follow_up_at FROM clients.client WHERE assigned_case_manager_id = $1 AND status <> 'CLOSED')
     SELECT (SELECT count(*) FROM open)::int AS "openClients",
            (SELECT count(*) FROM open WHERE priority_level IN ('HIGH', 'URGENT'))::int AS "highPriority",
            (SELECT count(*) FROM open WHERE next_follow_up_at < now())::int AS "overdueFollowUps",
            (SELECT count(*) FROM plans.plan_step s JOIN plans.plan_task t ON t.id = s.task_id JOIN plans.goal g ON g.id = t.goal_id
               JOIN plans.action_plan p ON p.id = g.plan_id
              WHERE p.client_id IN (SELECT id FROM open) AND p.status IN ('DRAFT', 'ACTIVE') AND g.status = 'OPEN'
                AND s.due_date < $2::date AND s.outcome NOT IN ('COMPLETE', 'CANCELLED'))::int AS "overdueSteps",
            (SELECT count(*) FROM referrals.referral r WHERE r.client_id IN (SELECT id FROM open) AND r.status = 'SENT')::int AS "referralsAwaitingAnswer"`,
    [stack.staff(key).id, today],
  );
  return row;
}

describe('teamCaseloads through the gateway', () => {
  it("gives a supervisor every case manager's five counts, two of them from plans and referrals", async () => {
    const res = await stack.as<{ teamCaseloads: Array<Record<string, unknown>> }>('sam', TEAM);
    expect(res.errors).toBeUndefined();
    expect(res.data!.teamCaseloads).toEqual(
      await Promise.all(
        (['casey', 'jordan'] as const).map(async (key) => ({
          staffMember: { id: stack.staff(key).id, displayName: stack.staff(key).displayName },
          ...(await countsOf(key)),
        })),
      ),
    );
    const counts = res.data!.teamCaseloads;
    expect(counts.some((c) => (c.overdueSteps as number) > 0)).toBe(true);
    expect(counts.some((c) => (c.referralsAwaitingAnswer as number) > 0)).toBe(true);
  });

  it('refuses a case manager, and never shows the caseload grant', async () => {
    const refused = await stack.as('casey', TEAM);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.data).toBeNull();
    const grant = await stack.as('sam', '{ teamCaseloads { caseloadGrant } }');
    expect(errorCodes(grant)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(grant.data).toBeUndefined();
  });
});
