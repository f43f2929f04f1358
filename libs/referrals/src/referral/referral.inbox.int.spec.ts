import { EASTSIDE_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import type { SeededReferral } from '@caseflow/referrals-seed';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const INBOX = `query($status: [ReferralStatus!], $first: Int, $after: String) {
  incomingReferrals(status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status need urgency client { id } service { id } } }
  }
}`;
const ORG_INBOX = `query($r: [_Any!]!, $status: [ReferralStatus!]) {
  _entities(representations: $r) { ... on Organization { id incomingReferrals(status: $status, first: 100) { totalCount edges { node { id } } } } }
}`;
const GOAL_REFERRALS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Goal { id referrals { id status } } } }`;

interface Inbox {
  incomingReferrals: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; status: string; need: string; client: { id: string } } }>;
  };
}
type OrgInbox = {
  _entities: Array<{ id: string; incomingReferrals: { totalCount: number; edges: Array<{ node: { id: string } }> } | null }>;
};
type GoalReferrals = { _entities: Array<{ id: string; referrals: Array<{ id: string; status: string }> | null }> };

let r: ReferralsTest;
testbedForSuite((t) => (r = t));

/** Referrals sent to an organization, newest sent first (the inbox order). */
const inboxOf = (organizationId: string, statuses?: string[]) =>
  r.seeded
    .filter((x) => x.organizationId === organizationId && x.sentAt !== null && (!statuses || statuses.includes(x.status)))
    .sort((a, b) => b.sentAt!.getTime() - a.sentAt!.getTime() || (a.id < b.id ? 1 : -1));
const orgReps = (ids: string[]) => ids.map((id) => ({ __typename: 'Organization', id }));

describe('incomingReferrals: a partner reads its own inbox', () => {
  it("gives pat every referral sent to Northside, newest sent first, never a draft and never Eastside's", async () => {
    const expected = inboxOf(NORTHSIDE_ID);
    expect(expected.length).toBeGreaterThan(20);
    const res = await r.as<Inbox>('pat', INBOX, { first: 100 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.incomingReferrals.totalCount).toBe(expected.length);
    expect(res.data!.incomingReferrals.edges.map((e) => e.node.id)).toEqual(expected.map((x) => x.id));
    // What of each referral shows follows the clients' consents now: asked once for the whole page.
    expect(r.clients.calls).toBe(1);
  });

  it('filters by status and pages with keyset cursors to the same list', async () => {
    const expected = inboxOf(NORTHSIDE_ID, ['SENT', 'COMPLETED']);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const res: { data?: Inbox | null } = await r.as<Inbox>('pat', INBOX, { status: ['SENT', 'COMPLETED'], first: 4, after });
      const conn: Inbox['incomingReferrals'] = res.data!.incomingReferrals;
      expect(conn.totalCount).toBe(expected.length);
      seen.push(...conn.edges.map((e) => e.node.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((x) => x.id));
  });

  it('audits the search and each referral read', async () => {
    const mark = await r.auditMark();
    const res = await r.as<Inbox>('pat', INBOX, { status: ['SENT'], first: 2 });
    const ids = res.data!.incomingReferrals.edges.map((e) => e.node.id);
    expect((await r.auditSince(mark)).map((a) => [a.action, a.entity_id])).toEqual([['SEARCH', null], ...ids.map((id) => ['READ', id])]);
  });

  it('refuses a page over 100 and a cursor it did not issue with BAD_USER_INPUT', async () => {
    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ after: 'bm9wZQ' }, 'after'],
      [{ after: Buffer.from('["x","y"]').toString('base64url') }, 'after'],
    ] as const) {
      const res = await r.as('pat', INBOX, variables);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
  });

  it.each(['casey', 'sam', 'alex', 'admin'] as const)('refuses %s (no inbox) with FORBIDDEN and a denial event', async (key) => {
    const mark = await r.auditMark();
    const res = await r.as(key, INBOX, {});
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({ action: 'SEARCH', outcome: 'DENIED', actor_id: demoStaff(key).id }),
    ]);
  });
});

describe('Organization.incomingReferrals', () => {
  it("shows an organization's inbox to its own partners only, null elsewhere, in one SQL statement", async () => {
    const mark = r.t.subgraph.database.counter.count;
    const res = await r.as<OrgInbox>('pat', ORG_INBOX, { r: orgReps([NORTHSIDE_ID, EASTSIDE_ID, NORTHSIDE_ID]), status: ['SENT'] });
    expect(res.errors).toBeUndefined();
    const northside = {
      totalCount: inboxOf(NORTHSIDE_ID, ['SENT']).length,
      edges: inboxOf(NORTHSIDE_ID, ['SENT']).map((x) => ({ node: { id: x.id } })),
    };
    expect(res.data!._entities).toEqual([
      { id: NORTHSIDE_ID, incomingReferrals: northside },
      { id: EASTSIDE_ID, incomingReferrals: null },
      { id: NORTHSIDE_ID, incomingReferrals: northside },
    ]);
    expect(r.sqlSince(mark)).toHaveLength(1);

    const robin = await r.as<OrgInbox>('robin', ORG_INBOX, { r: orgReps([NORTHSIDE_ID, EASTSIDE_ID]) });
    expect(robin.data!._entities.map((e) => e.incomingReferrals?.totalCount ?? null)).toEqual([null, inboxOf(EASTSIDE_ID).length]);
  });

  it('gives case managers, supervisors and analysts null for every organization, reading nothing', async () => {
    for (const key of ['casey', 'sam', 'alex'] as const) {
      const mark = r.t.subgraph.database.counter.count;
      const res = await r.as<OrgInbox>(key, ORG_INBOX, { r: orgReps([NORTHSIDE_ID, EASTSIDE_ID]) });
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([
        { id: NORTHSIDE_ID, incomingReferrals: null },
        { id: EASTSIDE_ID, incomingReferrals: null },
      ]);
      expect(r.sqlSince(mark)).toHaveLength(0);
    }
  });
});

describe('Goal.referrals', () => {
  const byGoal = () => {
    const groups = new Map<string, SeededReferral[]>();
    for (const x of r.seeded.filter((s) => s.goalId)) groups.set(x.goalId!, [...(groups.get(x.goalId!) ?? []), x]);
    return groups;
  };

  it("gives the goal's referrals newest first, with one SQL statement and one access call for many goals", async () => {
    const goals = [...byGoal().keys()];
    expect(goals.length).toBeGreaterThan(2);
    const mark = r.t.subgraph.database.counter.count;
    const res = await r.as<GoalReferrals>('jordan', GOAL_REFERRALS, { r: goals.map((id) => ({ __typename: 'Goal', id })) });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual(
      goals.map((id) => ({
        id,
        referrals: byGoal()
          .get(id)!
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
          .map((x) => ({ id: x.id, status: x.status })),
      })),
    );
    expect(r.sqlSince(mark)).toHaveLength(1);
    expect(r.clients.calls).toBe(1);
  });

  it('leaves out referrals the caller may not see (audited) and gives analysts null', async () => {
    const [goal, referrals] = [...byGoal()][0];
    const mark = await r.auditMark();
    const casey = await r.as<GoalReferrals>('casey', GOAL_REFERRALS, { r: [{ __typename: 'Goal', id: goal }] });
    expect(casey.data!._entities).toEqual([{ id: goal, referrals: [] }]);
    expect((await r.auditSince(mark)).map((a) => [a.outcome, a.entity_id])).toEqual(referrals.map((x) => ['DENIED', x.id]));
    const alex = await r.as<GoalReferrals>('alex', GOAL_REFERRALS, { r: [{ __typename: 'Goal', id: goal }] });
    expect(alex.data!._entities).toEqual([{ id: goal, referrals: null }]);
  });
});
