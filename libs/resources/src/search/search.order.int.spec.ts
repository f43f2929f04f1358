import { EASTSIDE_ID, HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { staffHeaders, startResources, world } from '../testing/testbed';

interface Search {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { distanceKm: number | null; service: { id: string; name: string } } }>;
}
const SEARCH = `query($input: ServiceSearchInput!, $first: Int, $after: String, $orderBy: SearchOrder) {
  searchServices(input: $input, first: $first, after: $after, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { distanceKm service { id name } } }
  } }`;

let t: TestSubgraph;
const search = async (input: Record<string, unknown>, orderBy?: string, first = 50, after?: string) =>
  postGraphQL<{ searchServices: Search }>(t.url, SEARCH, { input, first, after, orderBy }, await staffHeaders(t, 'casey'));
const names = async (input: Record<string, unknown>, orderBy?: string) => {
  const res = await search(input, orderBy);
  expect(res.errors).toBeUndefined();
  return res.data!.searchServices.edges.map((e) => e.node.service.name);
};
const officeOf = (organizationId: string) => {
  const { latitude, longitude } = world.locations.find((l) => l.organizationId === organizationId)!;
  return { latitude, longitude };
};
const HARBOUR = officeOf(HARBOUR_ID);
const northside = world.services.filter((s) => s.organizationId === NORTHSIDE_ID).map((s) => s.name);

beforeAll(async () => {
  t = await startResources();
});
afterAll(() => t?.stop());

describe('searchServices order', () => {
  it('puts the service named by the words first, with or without a point, by default and when asked', async () => {
    // The food bank's description mentions "a weekly food pantry": all of its services match, its pantry best.
    const anywhere = await names({ text: 'Weekly Food Pantry' });
    expect(anywhere[0]).toBe('Weekly Food Pantry');
    expect(anywhere).toEqual(expect.arrayContaining(northside));
    expect(await names({ text: 'Weekly Food Pantry' }, 'RELEVANCE')).toEqual(anywhere);
    for (const orderBy of [undefined, 'RELEVANCE']) {
      // Every hit of the food bank is at the same place, equally far: the words decide.
      const near = await names({ text: 'Weekly Food Pantry', near: HARBOUR, radiusKm: 50 }, orderBy);
      expect(near[0]).toBe('Weekly Food Pantry');
      expect([...near].sort()).toEqual([...anywhere].sort());
    }
  });

  it('orders by distance when asked, and by default when there are no words', async () => {
    const input = { text: 'Weekly Food Pantry', near: HARBOUR, radiusKm: 50 };
    const byRelevance = await search(input);
    const byDistance = await search(input, 'DISTANCE');
    expect(byDistance.errors).toBeUndefined();
    const hits = (res: typeof byDistance) => res.data!.searchServices.edges.map((e) => e.node);
    const distances = hits(byDistance).map((h) => h.distanceKm as number);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(hits(byRelevance).map((h) => h.distanceKm)).not.toEqual(distances);
    const ids = (res: typeof byDistance) =>
      hits(res)
        .map((h) => h.service.id)
        .sort();
    expect(ids(byDistance)).toEqual(ids(byRelevance));
    expect(byDistance.data!.searchServices.totalCount).toBe(byRelevance.data!.searchServices.totalCount);
    // Equally far, the better match first: the pantry before the food bank's other services.
    const atNorthside = hits(byDistance)
      .filter((h) => northside.includes(h.service.name))
      .map((h) => h.service.name);
    expect(atNorthside[0]).toBe('Weekly Food Pantry');

    const noWords = await search({ near: HARBOUR, radiusKm: 50 }, undefined, 100);
    const noWordsDistances = noWords.data!.searchServices.edges.map((e) => e.node.distanceKm as number);
    expect(noWordsDistances.length).toBeGreaterThan(world.services.length);
    expect([...noWordsDistances].sort((a, b) => a - b)).toEqual(noWordsDistances);
    expect(noWordsDistances[0]).toBe(0);
    expect((await search({ near: HARBOUR, radiusKm: 50 }, 'DISTANCE', 100)).data).toEqual(noWords.data);
  });

  it('finds words without their accents, both ways', async () => {
    const pantry = world.services.find((s) => s.name === 'Weekly Food Pantry')!;
    const db = t.subgraph.database.dataSource;
    await db.query(`UPDATE resources.service SET description = description || ' Café et épicerie.' WHERE id = $1`, [pantry.id]);
    await db.query(`UPDATE resources.organization SET alternate_name = 'Aide au logement à Montréal' WHERE id = $1`, [EASTSIDE_ID]);
    try {
      expect(await names({ text: 'cafe epicerie' })).toEqual(['Weekly Food Pantry']);
      expect(await names({ text: 'Café' })).toEqual(['Weekly Food Pantry']);
      expect(await names({ text: 'pântry wéekly' })).toEqual(expect.arrayContaining(['Weekly Food Pantry']));
      // The organization's words reach its services through the trigger.
      const eastside = world.services.filter((s) => s.organizationId === EASTSIDE_ID).map((s) => s.name);
      expect((await names({ text: 'montreal' })).sort()).toEqual([...eastside].sort());
      expect((await names({ text: 'Montréal logement' })).sort()).toEqual([...eastside].sort());
    } finally {
      await db.query(`UPDATE resources.service SET description = $2 WHERE id = $1`, [pantry.id, pantry.description]);
      await db.query(`UPDATE resources.organization SET alternate_name = NULL WHERE id = $1`, [EASTSIDE_ID]);
    }
    expect(await names({ text: 'montreal' })).toEqual([]);
    expect(await names({ text: 'cafe' })).toEqual([]);
  });

  it('pages through ties in either order with cursors that carry the order', async () => {
    const cases: Array<[Record<string, unknown>, string | undefined]> = [
      [{ text: 'food' }, undefined],
      [{ text: 'weekly food pantry', near: HARBOUR, radiusKm: 50 }, 'RELEVANCE'],
      [{ text: 'help', near: HARBOUR, radiusKm: 50 }, 'DISTANCE'],
      [{ near: HARBOUR, radiusKm: 2 }, undefined],
      [{ text: 'food' }, 'RELEVANCE'],
      [{ age: 15, language: 'fr' }, undefined],
    ];
    for (const [input, orderBy] of cases) {
      const all = (await search(input, orderBy, 100)).data!.searchServices;
      expect({ input, total: all.totalCount }).toEqual({ input, total: all.edges.length });
      expect(all.totalCount).toBeGreaterThan(4);
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 100; page += 1) {
        const res = (await search(input, orderBy, 2, after)).data!.searchServices;
        expect(res.totalCount).toBe(all.totalCount);
        seen.push(...res.edges.map((e) => e.node.service.id));
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor!;
      }
      expect({ input, orderBy, seen }).toEqual({ input, orderBy, seen: all.edges.map((e) => e.node.service.id) });
    }
  });

  it('refuses an unknown order, distance without a point and a cursor of the other order', async () => {
    const unknown = await search({ text: 'food' }, 'NAME');
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].message).toContain('SearchOrder');
    expect(unknown.data).toBeUndefined();

    const noPoint = await search({ text: 'food' }, 'DISTANCE');
    expect(errorCodes(noPoint)).toEqual(['BAD_USER_INPUT']);
    expect(noPoint.errors![0].extensions!.field).toBe('orderBy');
    expect(noPoint.data).toBeNull();

    const input = { text: 'food', near: HARBOUR, radiusKm: 50 };
    const first = (await search(input, 'RELEVANCE', 1)).data!.searchServices;
    const crossed = await search(input, 'DISTANCE', 1, first.pageInfo.endCursor!);
    expect(errorCodes(crossed)).toEqual(['BAD_USER_INPUT']);
    expect(crossed.errors![0].extensions!.field).toBe('after');
    expect(crossed.data).toBeNull();
  });
});
