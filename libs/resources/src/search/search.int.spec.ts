import { demoId } from '@caseflow/demo';
import { errorCodes, postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { insertRows } from '../shared/insert-rows.sql';
import { OPEN_ELIGIBILITY, openEligibilityTermId, openEligibilityTerms, readOpenEligibilityCsv } from '../taxonomy/open-eligibility';
import { staffHeaders, startResources } from '../testing/testbed';

// A small directory with known places and hours around P (Monday 2026-11-23 is in Atlantic Standard Time, UTC-4).
const P = { latitude: 44.65, longitude: -63.58 };
const KM_LAT = 1 / 111.32;
const KM_LON = 1 / (111.32 * Math.cos((P.latitude * Math.PI) / 180));
const id = (kind: string, key: string) => demoId(`search-test:${kind}`, key);

const ORGS = {
  food: id('org', 'food'),
  shelter: id('org', 'shelter'),
  legal: id('org', 'legal'),
  valley: id('org', 'valley'),
  coach: id('org', 'coach'),
};
const LOC = {
  north1: { id: id('loc', 'north1'), lat: P.latitude + KM_LAT, lon: P.longitude },
  east3: { id: id('loc', 'east3'), lat: P.latitude, lon: P.longitude + 3 * KM_LON },
  south2: { id: id('loc', 'south2'), lat: P.latitude - 2 * KM_LAT, lon: P.longitude },
  west8: { id: id('loc', 'west8'), lat: P.latitude, lon: P.longitude - 8 * KM_LON },
  far60: { id: id('loc', 'far60'), lat: P.latitude + 60 * KM_LAT, lon: P.longitude },
};
type Hours = [byday: string, opens: string | null, closes: string | null, freq?: string];
interface Fixture {
  key: string;
  org: string;
  name: string;
  description: string;
  status?: string;
  term: string;
  loc: keyof typeof LOC | null;
  hours: Hours[];
  languages: string[];
  min?: number;
  max?: number;
}
const SERVICES: Fixture[] = [
  {
    key: 'pantry',
    org: ORGS.food,
    name: 'Weekly Grocery Pantry',
    description: 'Free groceries every weekday.',
    term: '1130',
    loc: 'north1',
    hours: [['MO,TU,WE,TH,FR', '09:00', '17:00']],
    languages: ['en', 'fr'],
  },
  {
    key: 'supper',
    org: ORGS.food,
    name: 'Hot Supper Program',
    description: 'A warm supper every evening.',
    term: '1131',
    loc: 'east3',
    hours: [['MO,TU,WE,TH,FR,SA,SU', '17:00', '19:00']],
    languages: ['en'],
  },
  {
    key: 'shelter',
    org: ORGS.shelter,
    name: 'Overnight Shelter',
    description: 'Beds on Friday and Saturday nights.',
    term: '1121',
    loc: 'south2',
    hours: [['FR,SA', '21:00', '08:00']],
    languages: ['en', 'ar'],
    min: 19,
  },
  {
    key: 'legal',
    org: ORGS.legal,
    name: 'Youth Legal Advice',
    description: 'Legal advice for young people.',
    term: '1375',
    loc: 'west8',
    hours: [['MO,WE', '10:00', '16:00']],
    languages: ['en', 'fr'],
    min: 12,
    max: 24,
  },
  {
    key: 'inactive',
    org: ORGS.food,
    name: 'Old Pantry Annex',
    description: 'Groceries pantry, no longer running.',
    status: 'inactive',
    term: '1130',
    loc: 'north1',
    hours: [['MO', '09:00', '17:00']],
    languages: ['en'],
  },
  {
    key: 'defunct',
    org: ORGS.food,
    name: 'Former Meals Pantry',
    description: 'Closed for good.',
    status: 'defunct',
    term: '1131',
    loc: 'east3',
    hours: [],
    languages: ['en'],
  },
  {
    key: 'closed',
    org: ORGS.food,
    name: 'Renovation Pantry',
    description: 'Pantry closed while the hall is renovated.',
    status: 'temporarily closed',
    term: '1130',
    loc: 'north1',
    hours: [['MO,TU,WE,TH,FR', '09:00', '17:00']],
    languages: ['en'],
  },
  {
    key: 'coaching',
    org: ORGS.coach,
    name: 'Budget Coaching by Phone',
    description: 'Money coaching over the phone.',
    term: '1262',
    loc: null,
    hours: [['TU', '18:00', '20:00']],
    languages: ['en'],
  },
  {
    key: 'taxes',
    org: ORGS.legal,
    name: 'Monthly Tax Clinic',
    description: 'Volunteers file tax returns.',
    term: '1270',
    loc: 'south2',
    hours: [['1WE', '10:00', '14:00', 'MONTHLY']],
    languages: ['en'],
  },
  {
    key: 'valley',
    org: ORGS.valley,
    name: 'Valley Pantry',
    description: 'Groceries for the valley.',
    term: '1130',
    loc: 'far60',
    hours: [['SA', '09:00', '12:00']],
    languages: ['en'],
  },
  {
    key: 'unknownHours',
    org: ORGS.shelter,
    name: 'Outreach Van',
    description: 'A van with blankets and food.',
    term: '1121',
    loc: 'east3',
    hours: [],
    languages: ['en'],
  },
];
const S = Object.fromEntries(SERVICES.map((s) => [s.key, id('service', s.key)])) as Record<string, string>;
const nameOf = new Map(SERVICES.map((s) => [S[s.key], s.name]));

async function seedFixture(t: TestSubgraph): Promise<void> {
  const terms = openEligibilityTerms(readOpenEligibilityCsv());
  await t.subgraph.database.dataSource.transaction(async (tx) => {
    await insertRows(
      tx,
      'taxonomy',
      ['id', 'name', 'description'],
      [[OPEN_ELIGIBILITY.id, OPEN_ELIGIBILITY.name, OPEN_ELIGIBILITY.description]],
    );
    await insertRows(
      tx,
      'taxonomy_term',
      ['id', 'taxonomy_id', 'code', 'name', 'parent_id'],
      terms.map((term) => [term.id, OPEN_ELIGIBILITY.id, term.code, term.name, term.parentId]),
    );
    await insertRows(
      tx,
      'organization',
      ['id', 'name', 'description'],
      [
        [ORGS.food, 'Gull Harbour Food Bank', 'The neighbourhood food bank.'],
        [ORGS.shelter, 'Beacon Shelter Society', 'Shelter and outreach.'],
        [ORGS.legal, 'Lantern Legal Clinic', 'Free legal help.'],
        [ORGS.valley, 'Valley Food Bank', 'A rural food bank.'],
        [ORGS.coach, 'Money Mentors', 'Financial coaching.'],
      ],
    );
    await insertRows(
      tx,
      'location',
      ['id', 'organization_id', 'name', 'location_type', 'latitude', 'longitude'],
      Object.entries(LOC).map(([key, l]) => [l.id, ORGS.food, key, 'physical', l.lat, l.lon]),
    );
    await insertRows(
      tx,
      'service',
      ['id', 'organization_id', 'name', 'description', 'status', 'minimum_age', 'maximum_age'],
      SERVICES.map((s) => [S[s.key], s.org, s.name, s.description, s.status ?? 'active', s.min ?? null, s.max ?? null]),
    );
    const located = SERVICES.filter((s) => s.loc);
    await insertRows(
      tx,
      'service_at_location',
      ['id', 'service_id', 'location_id'],
      located.map((s) => [id('sal', s.key), S[s.key], LOC[s.loc as keyof typeof LOC].id]),
    );
    await insertRows(
      tx,
      'schedule',
      ['id', 'service_id', 'service_at_location_id', 'freq', 'byday', 'opens_at', 'closes_at', 'timezone'],
      SERVICES.flatMap((s) =>
        s.hours.map(([byday, opens, closes, freq], i) => [
          id('schedule', `${s.key}:${i}`),
          s.loc ? null : S[s.key],
          s.loc ? id('sal', s.key) : null,
          freq ?? 'WEEKLY',
          byday,
          opens,
          closes,
          'America/Halifax',
        ]),
      ),
    );
    await insertRows(
      tx,
      'language',
      ['id', 'service_id', 'name', 'code'],
      SERVICES.flatMap((s) =>
        s.languages.map((code) => [
          id('language', `${s.key}:${code}`),
          S[s.key],
          { en: 'English', fr: 'French', ar: 'Arabic' }[code],
          code,
        ]),
      ),
    );
    await insertRows(
      tx,
      'attribute',
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      SERVICES.map((s) => [id('attribute', s.key), S[s.key], 'service', 'service', openEligibilityTermId(s.term)]),
    );
  });
}

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
  await seedFixture(t);
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
    expect(hits.map((h) => h.service.name)).toEqual([
      ...sorted([S.pantry, S.closed]).map((s) => nameOf.get(s)),
      ...sorted([S.shelter, S.taxes]).map((s) => nameOf.get(s)),
      ...sorted([S.supper, S.unknownHours]).map((s) => nameOf.get(s)),
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
    // hits, services, languages, term attributes, organizations, services at locations, locations, addresses, schedules
    expect(two).toBe(9);
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
