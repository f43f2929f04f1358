import { DEMO_STAFF, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes, internalHeaders, postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { DEMO_DIRECTORY, seedResources } from '@caseflow/resources-seed';
import { openEligibilityTermId } from './taxonomy/open-eligibility';
import { actorOf, FOOD_TERMS, rowCounts, staffHeaders, startResources, TOP_LEVEL_TERMS, world } from './testing/testbed';

const casey = demoStaff('casey');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

let t: TestSubgraph;
const as = (s: (typeof DEMO_STAFF)[number] = casey) => staffHeaders(t, s);
const mark = () => t.subgraph.database.counter.count;
const statementsSince = (m: number) => t.subgraph.database.counter.since(m).filter((sql) => !sql.includes('audit_event'));
const TABLES = [
  'organization',
  'service',
  'location',
  'address',
  'service_at_location',
  'phone',
  'schedule',
  'language',
  'taxonomy',
  'taxonomy_term',
  'attribute',
  'metadata',
];
const directoryCounts = () => rowCounts(t, TABLES);

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { id name } } }';

beforeAll(async () => {
  t = await startResources();
});
afterAll(() => t?.stop());

describe('resources subgraph', () => {
  it('prints a Federation 2 SDL with the @link and a @key on each directory entity', async () => {
    const res = await postGraphQL<{ _service: { sdl: string } }>(t.url, '{ _service { sdl } }', {}, as());
    const sdl = res.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    for (const type of ['Organization', 'Service', 'Location', 'ServiceAtLocation', 'TaxonomyTerm']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).not.toContain('incomingReferrals');
  });

  it('seeds the taxonomy, the demo world and a generated directory of 200 more services, and a second run changes nothing', async () => {
    const before = await directoryCounts();
    expect(before).toMatchObject({
      organization: world.organizations.length + DEMO_DIRECTORY.organizations,
      service: world.services.length + DEMO_DIRECTORY.services,
      location: world.locations.length + DEMO_DIRECTORY.locations,
      address: world.locations.length + DEMO_DIRECTORY.locations,
      taxonomy: 1,
      taxonomy_term: 291,
    });
    expect(before.service).toBeGreaterThanOrEqual(200);
    expect(before.service_at_location).toBeGreaterThanOrEqual(before.service);
    expect(before.schedule).toBeGreaterThan(before.service_at_location);
    await seedResources(t.subgraph.database.dataSource, world);
    expect(await directoryCounts()).toEqual(before);
  });

  it('gives the demo directory varied hours, languages, categories and statuses around the demo city', async () => {
    const ds = t.subgraph.database.dataSource;
    const [stats] = await ds.query(`SELECT
      count(*) FILTER (WHERE closes_at <= opens_at)::int AS overnight,
      count(*) FILTER (WHERE byday ~ '(SA|SU)')::int AS weekend,
      count(*) FILTER (WHERE opens_at >= '17:00')::int AS evening,
      count(*) FILTER (WHERE freq = 'MONTHLY')::int AS monthly,
      count(*) FILTER (WHERE opens_at IS NULL)::int AS all_day
      FROM resources.schedule`);
    for (const kind of ['overnight', 'weekend', 'evening', 'monthly', 'all_day'])
      expect({ kind, n: stats[kind] > 0 }).toEqual({ kind, n: true });
    const languages: Array<{ code: string }> = await ds.query('SELECT DISTINCT code FROM resources.language ORDER BY code');
    expect(languages.map((l) => l.code)).toEqual(['ar', 'en', 'es', 'fr', 'mic', 'zh']);
    const statuses: Array<{ status: string }> = await ds.query('SELECT DISTINCT status FROM resources.service ORDER BY status');
    expect(statuses.map((s) => s.status)).toEqual(['active', 'defunct', 'inactive', 'temporarily closed']);
    const [spread] = await ds.query(
      `SELECT max(public.earth_distance(public.ll_to_earth(44.6488, -63.5752), public.ll_to_earth(latitude, longitude)))::int AS farthest FROM resources.location`,
    );
    expect(spread.farthest).toBeLessThanOrEqual(10_500);
    const untagged: Array<{ n: number }> =
      await ds.query(`SELECT count(*)::int AS n FROM resources.service s WHERE s.organization_id NOT IN (SELECT id FROM resources.organization WHERE name LIKE 'Harbour Adult%')
      AND NOT EXISTS (SELECT 1 FROM resources.attribute a WHERE a.link_id = s.id)`);
    expect(untagged[0].n).toBe(0);
  });

  it('finds food banks open within 5 km of the demo city at every hour of a week', async () => {
    const query =
      'query($input: ServiceSearchInput!) { searchServices(input: $input, first: 5) { totalCount edges { node { openNow distanceKm } } } }';
    for (let hour = 0; hour < 7 * 24; hour += 5) {
      const openAt = new Date(Date.parse('2026-11-23T04:00:00Z') + hour * 3_600_000).toISOString();
      const res = await postGraphQL<{
        searchServices: { totalCount: number; edges: Array<{ node: { openNow: boolean; distanceKm: number } }> };
      }>(t.url, query, { input: { text: 'food banks', near: { latitude: 44.6488, longitude: -63.5752 }, radiusKm: 5, openAt } }, as());
      expect({ openAt, found: res.data!.searchServices.totalCount > 0 }).toEqual({ openAt, found: true });
      expect(res.data!.searchServices.edges.every((e) => e.node.openNow && e.node.distanceKm <= 5)).toBe(true);
    }
  });

  it('resolves mixed, duplicate and unknown Service references in order, in one SQL statement', async () => {
    const [a, b] = world.services;
    const ids = [a.id, b.id, a.id, UNKNOWN, 'not-a-uuid'];
    const m = mark();
    const res = await postGraphQL<{ _entities: Array<{ id: string; name: string } | null> }>(
      t.url,
      ENTITIES,
      { r: ids.map((id) => ({ __typename: 'Service', id })) },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([{ id: a.id, name: a.name }, { id: b.id, name: b.name }, { id: a.id, name: a.name }, null, null]);
    expect(statementsSince(m)).toHaveLength(1);
  });

  it('resolves references of all five entity types with one statement per type', async () => {
    const service = world.services[0];
    const r = [
      { __typename: 'Organization', id: NORTHSIDE_ID },
      { __typename: 'Service', id: service.id },
      { __typename: 'Location', id: service.locationId },
      { __typename: 'ServiceAtLocation', id: service.serviceAtLocationId },
      { __typename: 'TaxonomyTerm', id: openEligibilityTermId('1102') },
      { __typename: 'TaxonomyTerm', id: UNKNOWN },
    ];
    const m = mark();
    const res = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      t.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Organization { id name } ... on Service { id } ... on Location { id locationType }
        ... on ServiceAtLocation { id } ... on TaxonomyTerm { id name taxonomy } } }`,
      { r },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: NORTHSIDE_ID, name: 'Northside Food Bank' },
      { id: service.id },
      { id: service.locationId, locationType: 'physical' },
      { id: service.serviceAtLocationId },
      { id: openEligibilityTermId('1102'), name: 'Food', taxonomy: 'Open Eligibility' },
      null,
    ]);
    expect(statementsSince(m)).toHaveLength(5);
  });

  it('resolves 3 and 12 Service references with nested lists in the same number of statements, one per level', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Service {
      id organization { name } taxonomyTerms { name }
      serviceAtLocations { location { addresses { city } } schedules { byDay } } } } }`;
    type Hit = {
      id: string;
      organization: { name: string };
      taxonomyTerms: Array<{ name: string }>;
      serviceAtLocations: Array<{ location: { addresses: Array<{ city: string }> }; schedules: Array<{ byDay: string }> }>;
    };
    const run = async (n: number) => {
      const services = world.services.slice(0, n);
      const m = mark();
      const res = await postGraphQL<{ _entities: Hit[] }>(
        t.url,
        query,
        { r: services.map((s) => ({ __typename: 'Service', id: s.id })) },
        as(),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities.map((e) => e.id)).toEqual(services.map((s) => s.id));
      for (const hit of res.data!._entities) {
        expect(hit.serviceAtLocations).toEqual([
          { location: { addresses: [{ city: 'Harbour City' }] }, schedules: [{ byDay: 'MO,TU,WE,TH,FR' }] },
        ]);
      }
      return { statements: statementsSince(m).length, hits: res.data!._entities };
    };
    expect(world.services).toHaveLength(12);
    const three = await run(3);
    const twelve = await run(12);
    expect(twelve.statements).toBe(three.statements);
    // services with their organizations, term attributes, service-at-locations with their locations, addresses, schedules
    expect(twelve.statements).toBe(5);
    const pantry = twelve.hits.find((h) => h.id === world.services.find((s) => s.name === 'Weekly Food Pantry')!.id)!;
    expect(pantry.organization).toEqual({ name: 'Northside Food Bank' });
    expect(pantry.taxonomyTerms).toEqual([{ name: 'Food Pantry' }]);
  });

  it('returns an organization with its phones, locations and services', async () => {
    const res = await postGraphQL<{
      organization: {
        id: string;
        name: string;
        description: string;
        website: string;
        phones: unknown[];
        locations: Array<{ name: string; addresses: unknown[] }>;
        services: Array<{ id: string; name: string; status: string }>;
      };
    }>(
      t.url,
      `query($id: ID!) { organization(id: $id) {
        id name alternateName description email website
        phones { number type }
        locations { name latitude longitude addresses { address1 city stateProvince postalCode country addressType } }
        services { id name status }
      } }`,
      { id: NORTHSIDE_ID },
      as(),
    );
    expect(res.errors).toBeUndefined();
    const org = res.data!.organization;
    const northside = world.organizations.find((o) => o.id === NORTHSIDE_ID)!;
    const location = world.locations.find((l) => l.organizationId === NORTHSIDE_ID)!;
    expect(org).toMatchObject({
      id: NORTHSIDE_ID,
      name: 'Northside Food Bank',
      description: northside.description,
      website: northside.website,
    });
    expect(org.phones).toEqual([{ number: expect.stringMatching(/^\+1 902-555-01\d\d$/), type: 'voice' }]);
    expect(org.locations).toEqual([
      {
        name: location.name,
        latitude: location.latitude,
        longitude: location.longitude,
        addresses: [
          {
            address1: location.address1,
            city: 'Harbour City',
            stateProvince: 'NS',
            postalCode: location.postalCode,
            country: 'CA',
            addressType: 'physical',
          },
        ],
      },
    ]);
    const expected = world.services.filter((s) => s.organizationId === NORTHSIDE_ID);
    expect(org.services.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(org.services.map((s) => s.name)).toEqual([...expected.map((s) => s.name)].sort());
    expect(org.services.every((s) => s.status === 'active')).toBe(true);
  });

  it('returns null for an unknown organization, service or service at location', async () => {
    const res = await postGraphQL(
      t.url,
      'query($id: ID!) { organization(id: $id) { id } service(id: $id) { id } serviceAtLocation(id: $id) { id } }',
      { id: UNKNOWN },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ organization: null, service: null, serviceAtLocation: null });
  });

  it('returns a service with its languages, categories and place, and a service at location with its hours', async () => {
    const [french, englishOnly] = world.services;
    const res = await postGraphQL<{ a: { languages: string[]; organization: { id: string } }; b: { languages: string[] }; sal: unknown }>(
      t.url,
      `query($a: ID!, $b: ID!, $sal: ID!) {
        a: service(id: $a) { languages organization { id } phones { number } schedules { id } }
        b: service(id: $b) { languages }
        sal: serviceAtLocation(id: $sal) {
          id service { id name } location { id name }
          schedules { freq byDay opensAt closesAt validFrom validTo timezone description }
          phones { number }
        }
      }`,
      { a: french.id, b: englishOnly.id, sal: french.serviceAtLocationId },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.a).toEqual({
      languages: ['English', 'French'],
      organization: { id: french.organizationId },
      phones: [],
      schedules: [],
    });
    expect(res.data!.b).toEqual({ languages: ['English'] });
    expect(res.data!.sal).toEqual({
      id: french.serviceAtLocationId,
      service: { id: french.id, name: french.name },
      location: { id: french.locationId, name: world.locations.find((l) => l.id === french.locationId)!.name },
      schedules: [
        {
          freq: 'WEEKLY',
          byDay: 'MO,TU,WE,TH,FR',
          opensAt: '09:00',
          closesAt: '17:00',
          validFrom: null,
          validTo: null,
          timezone: 'America/Halifax',
          description: 'Monday to Friday, 9 am to 5 pm',
        },
      ],
      phones: [],
    });
  });

  it('lists the 11 top-level taxonomy categories, and the children of one with their parent', async () => {
    const top = await postGraphQL<{ taxonomyTerms: Array<{ id: string; code: string; name: string; parent: null; taxonomy: string }> }>(
      t.url,
      '{ taxonomyTerms { id code name parent { id } taxonomy } }',
      {},
      as(),
    );
    expect(top.errors).toBeUndefined();
    expect(top.data!.taxonomyTerms.map((term) => term.name)).toEqual(TOP_LEVEL_TERMS);
    expect(top.data!.taxonomyTerms.every((term) => term.parent === null && term.taxonomy === 'Open Eligibility')).toBe(true);

    const food = top.data!.taxonomyTerms.find((term) => term.name === 'Food')!;
    expect(food).toMatchObject({ id: openEligibilityTermId('1102'), code: '1102' });
    const children = await postGraphQL<{ taxonomyTerms: Array<{ name: string; parent: { id: string; name: string } }> }>(
      t.url,
      'query($p: ID) { taxonomyTerms(parentId: $p) { name parent { id name } } }',
      { p: food.id },
      as(),
    );
    expect(children.data!.taxonomyTerms.map((term) => term.name)).toEqual(FOOD_TERMS);
    expect(children.data!.taxonomyTerms.every((term) => term.parent.id === food.id && term.parent.name === 'Food')).toBe(true);

    const none = await postGraphQL<{ taxonomyTerms: unknown[] }>(
      t.url,
      'query($p: ID) { taxonomyTerms(parentId: $p) { id } }',
      { p: UNKNOWN },
      as(),
    );
    expect(none.data).toEqual({ taxonomyTerms: [] });
  });

  it('refuses an id that is not a UUID with BAD_USER_INPUT naming the argument', async () => {
    for (const [query, field] of [
      ['{ organization(id: "northside") { id } }', 'id'],
      ['{ service(id: "42") { id } }', 'id'],
      ['{ serviceAtLocation(id: "x") { id } }', 'id'],
      ['{ taxonomyTerms(parentId: "food") { id } }', 'parentId'],
    ]) {
      const res = await postGraphQL(t.url, query, {}, as());
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
  });

  it('lets every role read the directory', async () => {
    for (const staff of DEMO_STAFF) {
      const res = await postGraphQL<{ organization: { name: string } }>(
        t.url,
        'query($id: ID!) { organization(id: $id) { name } }',
        { id: NORTHSIDE_ID },
        as(staff),
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.organization.name).toBe('Northside Food Bank');
    }
  });

  it('refuses a request without a valid internal token with 401, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ taxonomyTerms { id } }']) {
      const res = await postGraphQL(t.url, query);
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeUndefined();
    }
    const entities = await postGraphQL(t.url, ENTITIES, { r: [{ __typename: 'Service', id: world.services[0].id }] });
    expect(entities.status).toBe(401);
    expect(entities.data).toBeUndefined();
    const forged = await postGraphQL(t.url, '{ taxonomyTerms { id } }', {}, internalHeaders(actorOf(casey), 'not-the-secret'));
    expect(forged.status).toBe(401);
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });
});
