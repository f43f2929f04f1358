import { addDays, localDay } from '@caseflow/core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { recomputeStalePriorities } from './priority.store';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const CASELOAD = `query($first: Int, $after: String, $cm: ID) {
  myCaseload(first: $first, after: $after, status: [INTAKE, ACTIVE], caseManagerId: $cm) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status priority { level score reasons } } }
  }
}`;
type Page = {
  myCaseload: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: Array<{ node: { id: string; status: string; priority: { level: string; score: number; reasons: string[] } } }>;
  };
};

async function wholeCaseload(key: 'casey' | 'sam', cm?: string, size = 4) {
  const nodes: Page['myCaseload']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (;;) {
    const res: Awaited<ReturnType<typeof tb.as<Page>>> = await tb.as<Page>(key, CASELOAD, { first: size, after, cm });
    expect(res.errors).toBeUndefined();
    nodes.push(...res.data!.myCaseload.edges.map((e) => e.node));
    if (!res.data!.myCaseload.pageInfo.hasNextPage) return { nodes, totalCount: res.data!.myCaseload.totalCount };
    after = res.data!.myCaseload.pageInfo.endCursor;
  }
}

describe('the caseload', () => {
  it("lists the caller's open clients most urgent first, every one exactly once across pages, each with its reasons", async () => {
    const { nodes, totalCount } = await wholeCaseload('casey');
    const expected = tb.world.clients.filter(
      (c) => c.caseManagerId === tb.staff('casey').id && (c.status === 'ACTIVE' || c.status === 'INTAKE'),
    );
    expect(totalCount).toBe(expected.length);
    expect(nodes.map((n) => n.id).sort()).toEqual(expected.map((c) => c.id).sort());
    const scores = nodes.map((n) => n.priority.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const n of nodes) expect(n.priority.score === 0).toBe(n.priority.reasons.length === 0);
    expect(nodes.some((n) => n.priority.reasons.some((r) => /^EI claim ends (in \d+ days|today|tomorrow)$/.test(r)))).toBe(true);
  });

  it('ranks a client with a key date in 5 days above the same client with none, saying why', async () => {
    const [a, b] = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE');
    const sameFacts = `UPDATE clients.client SET key_dates = '[]', next_follow_up_at = NULL, last_note_at = now() WHERE id = ANY($1::uuid[])`;
    await tb.sql(sameFacts, [[a.id, b.id]]);
    // Five days from today where the agency works (Harbour: Halifax), as the priority counts them.
    const inFive = addDays(localDay(new Date(), HARBOUR_TIME_ZONE), 5);
    const SET = `mutation($id: ID!, $k: [KeyDateInput!]!) { setKeyDates(clientId: $id, keyDates: $k) { priority { score reasons } } }`;
    const withDate = await tb.as<{ setKeyDates: { priority: { score: number; reasons: string[] } } }>('casey', SET, {
      id: a.id,
      k: [{ label: 'EI claim ends', date: inFive }],
    });
    const without = await tb.as<{ setKeyDates: { priority: { score: number; reasons: string[] } } }>('casey', SET, { id: b.id, k: [] });
    expect(withDate.data!.setKeyDates.priority.reasons).toContain('EI claim ends in 5 days');
    expect(without.data!.setKeyDates.priority.reasons).not.toContain('EI claim ends in 5 days');
    expect(withDate.data!.setKeyDates.priority.score).toBeGreaterThan(without.data!.setKeyDates.priority.score);
    const order = (await wholeCaseload('casey', undefined, 100)).nodes.map((n) => n.id);
    expect(order.indexOf(a.id)).toBeLessThan(order.indexOf(b.id));
  });

  it("lets a supervisor open a case manager's caseload, and refuses everyone else", async () => {
    const forSam = await wholeCaseload('sam', tb.staff('jordan').id, 100);
    expect(forSam.totalCount).toBe(
      tb.world.clients.filter((c) => c.caseManagerId === tb.staff('jordan').id && (c.status === 'ACTIVE' || c.status === 'INTAKE')).length,
    );
    expect(errorCodes(await tb.as('casey', CASELOAD, { first: 5, cm: tb.staff('jordan').id }))).toEqual(['FORBIDDEN']);
    for (const key of ['pat', 'alex', 'admin'] as const)
      expect(errorCodes(await tb.as(key, CASELOAD, { first: 5 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tb.as('casey', CASELOAD, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('recomputes the time-based parts once a day, in batches, and only once per day', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const open = await tb.count('client', `status <> 'CLOSED'`);
    expect(await recomputeStalePriorities(tb.t.subgraph.database.dataSource, tomorrow, 7)).toBe(open);
    expect(await recomputeStalePriorities(tb.t.subgraph.database.dataSource, tomorrow, 7)).toBe(0);
    expect(
      await tb.count('client', `status <> 'CLOSED' AND priority_computed_at::date = $1::date`, [tomorrow.toISOString().slice(0, 10)]),
    ).toBe(open);
  });

  it('reads the caseload page with a constant number of statements', async () => {
    const counter = tb.t.subgraph.database.counter;
    let mark = counter.count;
    await tb.as('sam', CASELOAD, { first: 3, cm: tb.staff('casey').id });
    const small = counter.since(mark).length;
    mark = counter.count;
    await tb.as('sam', CASELOAD, { first: 20, cm: tb.staff('casey').id });
    expect(counter.since(mark).length).toBe(small);
  });

  it('counts the caseload in the page statement when totalCount is asked, also through a fragment, and past the last page', async () => {
    const counter = tb.t.subgraph.database.counter;
    const selects = async (query: string, variables: Record<string, unknown>) => {
      const mark = counter.count;
      const res = await tb.as<Page>('casey', query, variables);
      expect(res.errors).toBeUndefined();
      return { page: res.data!.myCaseload, reads: counter.since(mark).filter((sql) => /^\s*SELECT/i.test(sql)) };
    };
    const { nodes, totalCount } = await wholeCaseload('casey', undefined, 100);
    const counted = await selects(CASELOAD, { first: 3 });
    expect(counted.page.totalCount).toBe(totalCount);
    expect(counted.reads).toHaveLength(1);

    const WITH_FRAGMENT = `query($first: Int) { myCaseload(first: $first, status: [INTAKE, ACTIVE]) { ...Count edges { node { id } } } }
      fragment Count on ClientConnection { n: totalCount }`;
    const viaFragment = await selects(WITH_FRAGMENT, { first: 3 });
    expect((viaFragment.page as unknown as { n: number }).n).toBe(totalCount);

    const WITHOUT = `query($first: Int) { myCaseload(first: $first, status: [INTAKE, ACTIVE]) { edges { node { id } } } }`;
    const uncounted = await selects(WITHOUT, { first: 3 });
    expect(uncounted.page.edges.map((e) => e.node.id)).toEqual(nodes.slice(0, 3).map((n) => n.id));
    expect(uncounted.reads).toHaveLength(1);

    // A cursor at the last client: no row carries the count, so it is read on its own.
    const last = await selects(CASELOAD, { first: 1, after: null });
    let after = last.page.pageInfo.endCursor;
    for (let i = 1; i < nodes.length; i++) after = (await selects(CASELOAD, { first: 1, after })).page.pageInfo.endCursor;
    const past = await selects(CASELOAD, { first: 5, after });
    expect(past.page).toMatchObject({ totalCount, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(past.reads).toHaveLength(2);
  });
});
