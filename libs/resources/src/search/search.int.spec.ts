import { errorCodes, postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { openEligibilityTermId } from '../taxonomy/open-eligibility';
import { nameOf, P, S, SERVICES, seedSearchDirectory } from '../testing/search-directory';
import { staffHeaders, startResources } from '../testing/testbed';

interface Hit {
  distanceKm: number | null;
  openNow: boolean | null;
  service: { id: string; name: string };
  serviceAtLocation: { id: string } | null;
}
interface Search {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Hit }>;
}
const SEARCH = `query($input: ServiceSearchInput!, $first: Int, $after: String) {
  searchServices(input: $input, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { distanceKm openNow service { id name } serviceAtLocation { id } } }
  } }`;

let t: TestSubgraph;
const headers = () => staffHeaders(t, 'casey');
const search = (input: Record<string, unknown>, first = 50, after?: string) =>
  postGraphQL<{ searchServices: Search }>(t.url, SEARCH, { input, first, after }, headers());
const names = async (input: Record<string, unknown>) => {
  const res = await search(input);
  expect(res.errors).toBeUndefined();
  return res.data!.searchServices.edges.map((e) => e.node.service.name);
};
const sorted = (values: string[]) => [...values].sort();
const NEVER = ['Old Pantry Annex', 'Former Meals Pantry'];

beforeAll(async () => {
  t = await startResources('empty');
  await seedSearchDirectory(t);
});
afterAll(() => t?.stop());

describe('searchServices', () => {
  it('finds by full text over service and organization, stemmed and ranked, without inactive or defunct services', async () => {
    expect(sorted(await names({ text: 'pantries' }))).toEqual(['Renovation Pantry', 'Valley Pantry', 'Weekly Grocery Pantry']);
    // "food bank" is in the organizations' names: every active service of a food bank matches, through the organization.
    expect(sorted(await names({ text: 'food banks' }))).toEqual([
      'Hot Supper Program',
      'Renovation Pantry',
      'Valley Pantry',
      'Weekly Grocery Pantry',
    ]);
    // Words may come from the service and its organization together; the service's own words rank higher.
    expect(await names({ text: 'pantry food bank' })).toEqual(
      expect.arrayContaining(['Weekly Grocery Pantry', 'Renovation Pantry', 'Valley Pantry']),
    );
    expect(await names({ text: 'legal' })).toEqual(['Youth Legal Advice', 'Monthly Tax Clinic']);
    expect(await names({ text: 'nonexistentword' })).toEqual([]);
  });

  it('finds services tagged with a term or any of its descendants', async () => {
    const food = openEligibilityTermId('1102');
    expect(sorted(await names({ taxonomyTermIds: [food] }))).toEqual([
      'Hot Supper Program',
      'Renovation Pantry',
      'Valley Pantry',
      'Weekly Grocery Pantry',
    ]);
    const emergency = openEligibilityTermId('1101');
    expect(sorted(await names({ taxonomyTermIds: [emergency] }))).toEqual(['Outreach Van', 'Overnight Shelter']);
    expect(sorted(await names({ taxonomyTermIds: [openEligibilityTermId('1131'), openEligibilityTermId('1375')] }))).toEqual([
      'Hot Supper Program',
      'Youth Legal Advice',
    ]);
  });

  it('orders by distance within the radius and reports each distance', async () => {
    const res = await search({ near: P, radiusKm: 5 });
    expect(res.errors).toBeUndefined();
    const hits = res.data!.searchServices.edges.map((e) => e.node);
    // Equally far (the same place), by name.
    const byName = (...keys: string[]) => sorted(keys.map((s) => nameOf.get(s)!));
    expect(hits.map((h) => h.service.name)).toEqual([
      ...byName(S.pantry, S.closed),
      ...byName(S.shelter, S.taxes),
      ...byName(S.supper, S.unknownHours),
    ]);
    const distances = hits.map((h) => h.distanceKm as number);
    expect(distances.map((d) => Math.round(d * 10) / 10)).toEqual([1, 1, 2, 2, 3, 3]);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(hits.every((h) => h.serviceAtLocation !== null)).toBe(true);
    expect(res.data!.searchServices.totalCount).toBe(6);
  });

  it('includes a place exactly at the radius edge and leaves it out just inside it', async () => {
    const wide = await search({ near: P, radiusKm: 10, text: 'legal' });
    const legal = wide.data!.searchServices.edges.find((e) => e.node.service.name === 'Youth Legal Advice')!.node;
    expect(legal.distanceKm).toBeCloseTo(8, 1);
    const edge = legal.distanceKm as number;
    expect(await names({ near: P, radiusKm: edge + 1e-9, text: 'legal' })).toContain('Youth Legal Advice');
    expect(await names({ near: P, radiusKm: edge - 0.001, text: 'legal' })).not.toContain('Youth Legal Advice');
    expect(await names({ near: P, radiusKm: 100, text: 'valley' })).toEqual(['Valley Pantry']);
    expect(await names({ near: P, radiusKm: 50, text: 'valley' })).toEqual([]);
  });

  it('finds what is open at a time by weekday and hours, including hours past midnight', async () => {
    // Monday 10:00 local
    expect(sorted(await names({ openAt: '2026-11-23T14:00:00Z' }))).toEqual(['Weekly Grocery Pantry', 'Youth Legal Advice']);
    // Monday 18:00 local: supper only (the pantry closed at 17:00)
    expect(await names({ openAt: '2026-11-23T22:00:00Z' })).toEqual(['Hot Supper Program']);
    // Tuesday 18:30 local: supper, and the phone coaching whose hours hang off the service itself
    expect(sorted(await names({ openAt: '2026-11-24T22:30:00Z' }))).toEqual(['Budget Coaching by Phone', 'Hot Supper Program']);
    // The shelter runs Friday and Saturday nights, 21:00 to 08:00.
    const shelterOpen = async (at: string) => (await names({ openAt: at, text: 'shelter' })).includes('Overnight Shelter');
    expect(await shelterOpen('2026-11-28T02:00:00Z')).toBe(true); // Friday 22:00
    expect(await shelterOpen('2026-11-28T07:00:00Z')).toBe(true); // Saturday 03:00, from Friday's night
    expect(await shelterOpen('2026-11-29T11:00:00Z')).toBe(true); // Sunday 07:00, from Saturday's night
    expect(await shelterOpen('2026-11-27T07:00:00Z')).toBe(false); // Friday 03:00: no Thursday night
    expect(await shelterOpen('2026-11-30T02:00:00Z')).toBe(false); // Sunday 22:00
    expect(await shelterOpen('2026-11-28T13:00:00Z')).toBe(false); // Saturday 09:00, after closing
  });

  it('follows monthly rules: the first Wednesday only', async () => {
    expect(await names({ openAt: '2026-11-04T15:00:00Z', text: 'tax' })).toEqual(['Monthly Tax Clinic']);
    expect(await names({ openAt: '2026-11-11T15:00:00Z', text: 'tax' })).toEqual([]);
  });

  it('reports openNow true for open hits, false for a temporarily closed service and null without schedules', async () => {
    const open = await search({ openAt: '2026-11-23T14:00:00Z' });
    expect(open.data!.searchServices.edges.every((e) => e.node.openNow === true)).toBe(true);
    const closedRes = await search({ text: 'renovation' });
    expect(closedRes.data!.searchServices.edges.map((e) => [e.node.service.name, e.node.openNow])).toEqual([['Renovation Pantry', false]]);
    const unknown = await search({ text: 'outreach van' });
    expect(unknown.data!.searchServices.edges.map((e) => [e.node.service.name, e.node.openNow])).toEqual([['Outreach Van', null]]);
  });

  it('filters by language name or code, and by age within the service limits', async () => {
    expect(sorted(await names({ language: 'fr' }))).toEqual(['Weekly Grocery Pantry', 'Youth Legal Advice']);
    expect(sorted(await names({ language: 'French' }))).toEqual(['Weekly Grocery Pantry', 'Youth Legal Advice']);
    expect(await names({ language: 'arabic' })).toEqual(['Overnight Shelter']);
    const fifteen = await names({ age: 15 });
    expect(fifteen).toContain('Youth Legal Advice');
    expect(fifteen).not.toContain('Overnight Shelter');
    const thirty = await names({ age: 30 });
    expect(thirty).toContain('Overnight Shelter');
    expect(thirty).not.toContain('Youth Legal Advice');
  });

  it('combines every filter with AND', async () => {
    expect(
      await names({ text: 'legal', language: 'fr', age: 15, near: P, radiusKm: 10, taxonomyTermIds: [openEligibilityTermId('1111')] }),
    ).toEqual(['Youth Legal Advice']);
    expect(await names({ text: 'legal', language: 'ar', age: 15, near: P, radiusKm: 10 })).toEqual([]);
    expect(await names({ taxonomyTermIds: [openEligibilityTermId('1102')], near: P, radiusKm: 5, openAt: '2026-11-23T22:00:00Z' })).toEqual(
      ['Hot Supper Program'],
    );
    expect(await names({ taxonomyTermIds: [openEligibilityTermId('1102')], near: P, radiusKm: 2, openAt: '2026-11-23T22:00:00Z' })).toEqual(
      [],
    );
  });

  it('pages with stable keyset cursors in both orders, with the same total on every page', async () => {
    for (const input of [{}, { near: P, radiusKm: 100 }, { text: 'pantry food' }]) {
      const all = (await search(input, 100)).data!.searchServices;
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page += 1) {
        const res = (await search(input, 2, after)).data!.searchServices;
        expect(res.totalCount).toBe(all.totalCount);
        seen.push(...res.edges.map((e) => e.node.service.id));
        if (!res.pageInfo.hasNextPage) break;
        after = res.pageInfo.endCursor!;
      }
      expect(seen).toEqual(all.edges.map((e) => e.node.service.id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.some((s) => NEVER.includes(nameOf.get(s)!))).toBe(false);
    }
    const everything = (await search({}, 100)).data!.searchServices;
    expect(everything.totalCount).toBe(SERVICES.length - 2);
    const last = await search({}, 5, everything.edges.at(-1)!.cursor);
    expect(last.data!.searchServices).toEqual({
      totalCount: SERVICES.length - 2,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('runs the same number of SQL statements for a page of 2 and a page of 8, one per nested level', async () => {
    const query = `query($input: ServiceSearchInput!, $first: Int) { searchServices(input: $input, first: $first) { edges { node {
      service { name languages taxonomyTerms { name } organization { name } }
      serviceAtLocation { location { latitude addresses { city } } schedules { opensAt } } } } } }`;
    const run = async (first: number) => {
      const mark = t.subgraph.database.counter.count;
      const res = await postGraphQL<{ searchServices: { edges: unknown[] } }>(
        t.url,
        query,
        { input: { near: P, radiusKm: 100 }, first },
        headers(),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.searchServices.edges).toHaveLength(first);
      return t.subgraph.database.counter.since(mark).length;
    };
    const two = await run(2);
    expect(await run(8)).toBe(two);
    // hits with their services, organizations, places and locations; languages, term attributes, addresses, schedules
    expect(two).toBe(5);
  });

  it("answers a hit's service and place as their references do (the hit's columns prime the loaders)", async () => {
    const serviceFields = `id name alternateName description url email status applicationProcess feesDescription eligibilityDescription
      minimumAge maximumAge languages taxonomyTerms { name } organization { id name alternateName description email website }`;
    const placeFields = 'id description location { id name latitude longitude addresses { city } } schedules { opensAt }';
    const res = await postGraphQL<{
      searchServices: { edges: Array<{ node: { service: { id: string }; serviceAtLocation: { id: string } | null } }> };
    }>(
      t.url,
      `query($input: ServiceSearchInput!) { searchServices(input: $input, first: 8) { edges { node {
        service { ${serviceFields} } serviceAtLocation { ${placeFields} } } } } }`,
      { input: { near: P, radiusKm: 100 } },
      headers(),
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.searchServices.edges.map((e) => e.node);
    expect(nodes).toHaveLength(8);
    const references = await postGraphQL<{ _entities: unknown[] }>(
      t.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { ${serviceFields} } ... on ServiceAtLocation { ${placeFields} } } }`,
      {
        r: nodes.flatMap((n) => [
          { __typename: 'Service', id: n.service.id },
          { __typename: 'ServiceAtLocation', id: n.serviceAtLocation!.id },
        ]),
      },
      headers(),
    );
    expect(references.errors).toBeUndefined();
    expect(nodes.flatMap((n) => [n.service, n.serviceAtLocation])).toEqual(references.data!._entities);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, number?, string?]> = [
      [{ radiusKm: 5 }, 'input.radiusKm'],
      [{ near: { latitude: 91, longitude: 0 } }, 'input.near.latitude'],
      [{ near: { latitude: 0, longitude: -181 } }, 'input.near.longitude'],
      [{ near: P, radiusKm: 0 }, 'input.radiusKm'],
      [{ near: P, radiusKm: 501 }, 'input.radiusKm'],
      [{ taxonomyTermIds: ['food'] }, 'input.taxonomyTermIds[0]'],
      [{ age: -1 }, 'input.age'],
      [{ text: 'x'.repeat(201) }, 'input.text'],
      [{}, 'first', 101],
      [{}, 'after', 5, 'not-a-cursor'],
      [{ near: P }, 'after', 5, Buffer.from(JSON.stringify([1, 'x', S.pantry])).toString('base64url')],
    ];
    for (const [input, field, first, after] of cases) {
      const res = await search(input, first ?? 5, after);
      expect({ field, codes: errorCodes(res) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
      expect(res.errors![0].extensions!.field).toBe(field);
      expect(res.data).toBeNull();
    }
  });
});
