import { join } from 'node:path';
import { NORTHSIDE_ID } from '@caseflow/demo';
import type { TestSubgraph } from '@caseflow/testing';
import { OPEN_ELIGIBILITY, openEligibilityTermId } from '../../taxonomy/open-eligibility';
import { FOOD_TERMS, type StaffKey, staffHeaders, startResources, TOP_LEVEL_TERMS, world } from '../../testing/testbed';
import { type HsdsSchemaName, hsdsValidator } from '../fixtures/hsds-schemas';
import { importPackage } from '../import';

const EXAMPLE_SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const EXAMPLE_SAL = 'e94c9f38-1e8f-4564-91d4-d53501ab1765';
const EXAMPLE_ORG = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
const validator = hsdsValidator();

let t: TestSubgraph;
type Json = Record<string, unknown> & { contents?: Array<Record<string, unknown>> };
const get = async (path: string, who: StaffKey | null = 'pat') => {
  const response = await fetch(`${t.baseUrl}${path}`, { headers: who ? await staffHeaders(t, who) : {} });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text,
    json: (response.headers.get('content-type')?.includes('application/json') ? JSON.parse(text) : null) as Json,
  };
};
/** Fetches a page and checks the envelope and each item against the HSDS schemas. */
const page = async (path: string, item: HsdsSchemaName) => {
  const res = await get(path);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  expect(validator.errors('page', res.json)).toEqual([]);
  for (const object of res.json.contents ?? [])
    expect({ id: object.id, errors: validator.errors(item, object) }).toEqual({ id: object.id, errors: [] });
  return res.json;
};
const count = async (sql: string, params: unknown[] = []) =>
  ((await t.subgraph.database.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

beforeAll(async () => {
  t = await startResources();
  await importPackage(t.subgraph.database.dataSource, join(__dirname, '..', 'fixtures', 'examples'));
});
afterAll(() => t?.stop());

describe('the HSDS API', () => {
  it('describes itself at the root', async () => {
    const res = await get('/hsds/');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      version: '3.0.0',
      profile: 'https://docs.openreferral.org/en/v3.0/',
      openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
    });
    expect(validator.errors('root', res.json)).toEqual([]);
  });

  it('pages services with the HSDS Page envelope', async () => {
    const total = await count('SELECT count(*)::int AS n FROM resources.service');
    const first = await page('/hsds/services?per_page=10', 'service_list');
    expect(first).toMatchObject({
      total_items: total,
      total_pages: Math.ceil(total / 10),
      page_number: 1,
      size: 10,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await page('/hsds/services?per_page=10&page=2', 'service_list');
    expect(second).toMatchObject({ page_number: 2, size: 10, first_page: false, last_page: false });
    expect(second.contents!.map((s) => s.id)).not.toEqual(expect.arrayContaining([first.contents![0].id]));
    const lastNumber = Math.ceil(total / 10);
    const last = await page(`/hsds/services?per_page=10&page=${lastNumber}`, 'service_list');
    expect(last).toMatchObject({ page_number: lastNumber, size: total - 10 * (lastNumber - 1), last_page: true, empty: false });
    const beyond = await page(`/hsds/services?per_page=10&page=${lastNumber + 1}`, 'service_list');
    expect(beyond).toMatchObject({ size: 0, last_page: true, empty: true, contents: [] });
    const byDefault = await page('/hsds/services', 'service_list');
    expect(byDefault.size).toBe(50);
    // A list item carries its organization.
    const example = (await page(`/hsds/services?organization_id=${EXAMPLE_ORG}`, 'service_list')).contents!;
    expect(example).toEqual([
      expect.objectContaining({
        id: EXAMPLE_SERVICE,
        name: 'Community Counselling',
        minimum_age: 12,
        organization: expect.objectContaining({ id: EXAMPLE_ORG, year_incorporated: 2011 }),
      }),
    ]);
  });

  it('filters services by every parameter, combined with AND', async () => {
    const ids = async (query: string) =>
      (await page(`/hsds/services?per_page=100&${query}`, 'service_list')).contents!.map((s) => s.id).sort();
    const northside = world.services
      .filter((s) => s.organizationId === NORTHSIDE_ID)
      .map((s) => s.id)
      .sort();
    expect(await ids(`organization_id=${NORTHSIDE_ID}`)).toEqual(northside);
    const food = await ids(`taxonomy_term_id=${openEligibilityTermId('1102')}`);
    expect(food.length).toBeGreaterThan(10);
    expect(food).toEqual(expect.arrayContaining([world.services.find((s) => s.name === 'Weekly Food Pantry')!.id]));
    expect(food).not.toContain(world.services.find((s) => s.name === 'Rent Arrears Assistance')!.id);
    // The hamper is Emergency Food under Emergency, not under Food.
    const northsideFood = world.services
      .filter((s) => s.organizationId === NORTHSIDE_ID && s.name !== 'Emergency Food Hamper')
      .map((s) => s.id)
      .sort();
    expect(await ids(`taxonomy_term_id=${openEligibilityTermId('1102')}&organization_id=${NORTHSIDE_ID}`)).toEqual(northsideFood);
    expect(await ids(`taxonomy_term_id=${openEligibilityTermId('1103')}&organization_id=${NORTHSIDE_ID}`)).toEqual([]);
    const tagged = await count(
      `SELECT count(DISTINCT link_id)::int AS n FROM resources.attribute a JOIN resources.taxonomy_term tt ON tt.id = a.taxonomy_term_id WHERE tt.taxonomy_id = $1`,
      [OPEN_ELIGIBILITY.id],
    );
    expect((await page(`/hsds/services?taxonomy_id=${OPEN_ELIGIBILITY.id}`, 'service_list')).total_items).toBe(tagged);
    const searched = await ids('search=counselling');
    expect(searched).toContain(EXAMPLE_SERVICE);
    expect(await ids(`search=counselling&organization_id=${EXAMPLE_ORG}`)).toEqual([EXAMPLE_SERVICE]);
    expect((await page('/hsds/services?modified_after=2100-01-01T00:00:00Z', 'service_list')).total_items).toBe(0);
    // The example service was last modified in 2023; the seeded ones when they were seeded.
    expect(await ids('modified_after=2020-01-01&organization_id=' + EXAMPLE_ORG)).toEqual([EXAMPLE_SERVICE]);
    expect(await ids('modified_after=2024-01-01&organization_id=' + EXAMPLE_ORG)).toEqual([]);
  });

  it('answers fully nested services, a minimal list, and a stream of every service', async () => {
    const full = await page('/hsds/services?full=true&per_page=5', 'service');
    expect(full.contents![0]).toHaveProperty('service_at_locations');
    const one = await get(`/hsds/services/${EXAMPLE_SERVICE}`);
    expect(validator.errors('service', one.json)).toEqual([]);
    expect(one.json).toMatchObject({
      id: EXAMPLE_SERVICE,
      organization: { id: EXAMPLE_ORG },
      program: { id: 'e7ec2e57-4540-43fa-b2c7-6be5a0ef7f42' },
      phones: [{ id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e', number: '"+44 1234 234567"', extension: 100, languages: [{ code: 'ur' }] }],
      schedules: [expect.objectContaining({ timezone: 3, count: 3, freq: 'WEEKLY', byday: 'TH,FR' })],
      service_at_locations: [
        expect.objectContaining({
          id: EXAMPLE_SAL,
          location: expect.objectContaining({ latitude: 100, addresses: [expect.objectContaining({ address_1: '1-30 Main Street' })] }),
        }),
      ],
      cost_options: [expect.objectContaining({ amount: 35, currency: 'gbp' })],
      contacts: [
        expect.objectContaining({ name: 'Ann Persona', phones: [expect.objectContaining({ id: '1554f2e2-a373-45db-a3fa-9fc48a61c15e' })] }),
      ],
    });
    const pantry = world.services.find((s) => s.name === 'Weekly Food Pantry')!;
    const demo = await get(`/hsds/services/${pantry.id}`);
    expect(validator.errors('service', demo.json)).toEqual([]);
    expect(demo.json).toMatchObject({
      attributes: [{ taxonomy_term: { name: 'Food Pantry' } }],
      service_at_locations: [{ schedules: [expect.objectContaining({ timezone: -4, opens_at: '09:00:00' })] }],
    });

    const minimal = await page('/hsds/services?minimal=true&per_page=1000', 'service_list');
    expect(minimal.contents!.every((s) => Object.keys(s).sort().join() === 'id,last_modified,name,status')).toBe(true);

    const stream = await get('/hsds/services?format=ndjson&organization_id=' + NORTHSIDE_ID);
    expect(stream.type).toBe('application/x-ndjson; charset=utf-8');
    const lines = stream.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((s) => s.id).sort()).toEqual(
      world.services
        .filter((s) => s.organizationId === NORTHSIDE_ID)
        .map((s) => s.id)
        .sort(),
    );
    for (const line of lines) expect(validator.errors('service_list', line)).toEqual([]);
    const everything = await get('/hsds/services?format=ndjson');
    expect(everything.text.trimEnd().split('\n')).toHaveLength(await count('SELECT count(*)::int AS n FROM resources.service'));
  });

  it('answers organizations as a list, fully nested, and with full services', async () => {
    const list = await page('/hsds/organizations?per_page=100', 'organization_list');
    expect(list.total_items).toBe(await count('SELECT count(*)::int AS n FROM resources.organization'));
    const found = await page('/hsds/organizations?search=food%20bank', 'organization_list');
    expect(found.contents!.map((o) => o.name)).toContain('Northside Food Bank');
    const full = await page('/hsds/organizations?full=true&per_page=5', 'organization');
    expect(full.contents!.every((o) => Array.isArray(o.services) && Array.isArray(o.locations))).toBe(true);
    const northside = await get(`/hsds/organizations/${NORTHSIDE_ID}?full_service=true`);
    expect(validator.errors('organization', northside.json)).toEqual([]);
    const services = northside.json.services as Array<Record<string, unknown>>;
    expect(services.map((s) => s.id).sort()).toEqual(
      world.services
        .filter((s) => s.organizationId === NORTHSIDE_ID)
        .map((s) => s.id)
        .sort(),
    );
    expect(services.every((s) => Array.isArray(s.service_at_locations))).toBe(true);
    const simple = await get(`/hsds/organizations/${NORTHSIDE_ID}`);
    expect((simple.json.services as Array<Record<string, unknown>>).every((s) => s.service_at_locations === undefined)).toBe(true);
  });

  it('answers services at locations, near a postcode or within a distance of it', async () => {
    const list = await page('/hsds/service_at_locations?per_page=20', 'service_at_location_list');
    expect(list.total_items).toBe(await count('SELECT count(*)::int AS n FROM resources.service_at_location'));
    const location = world.locations.find((l) => l.organizationId === NORTHSIDE_ID)!;
    const here = await page(
      `/hsds/service_at_locations?per_page=100&postcode=${encodeURIComponent(location.postalCode.toLowerCase().replace(' ', ''))}`,
      'service_at_location_list',
    );
    expect(here.contents!.map((s) => s.location_id)).toEqual(expect.arrayContaining([location.id]));
    expect(new Set(here.contents!.map((s) => (s.location as { id: string }).id)).size).toBeGreaterThan(0);
    const near = await page(
      `/hsds/service_at_locations?per_page=100&postcode=${encodeURIComponent(location.postalCode)}&proximity=2000`,
      'service_at_location_list',
    );
    expect(near.total_items).toBeGreaterThan(here.total_items as number);
    const km = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
      const rad = Math.PI / 180;
      const h =
        Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
        Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
      return 2 * 6371 * Math.asin(Math.sqrt(h));
    };
    for (const sal of near.contents!) expect(km(location, sal.location as { latitude: number; longitude: number })).toBeLessThan(2.01);
    const filtered = await page(
      `/hsds/service_at_locations?organization_id=${NORTHSIDE_ID}&taxonomy_term_id=${openEligibilityTermId('1130')}`,
      'service_at_location_list',
    );
    expect(filtered.contents!.map((s) => (s.service as { name: string }).name)).toEqual(['Weekly Food Pantry']);
    const one = await get(`/hsds/service_at_locations/${EXAMPLE_SAL}`);
    expect(validator.errors('service_at_location', one.json)).toEqual([]);
    expect(one.json).toMatchObject({
      id: EXAMPLE_SAL,
      service: { id: EXAMPLE_SERVICE },
      location: { id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5' },
    });
  });

  it('answers taxonomies and taxonomy terms, top-level, by parent and by taxonomy', async () => {
    const taxonomies = await page('/hsds/taxonomies', 'taxonomy');
    expect(taxonomies.contents!.map((x) => x.name).sort()).toEqual(['Open Eligibility', 'name']);
    const one = await get(`/hsds/taxonomies/${OPEN_ELIGIBILITY.id}`);
    expect(one.json).toMatchObject({ id: OPEN_ELIGIBILITY.id, name: 'Open Eligibility', version: '2.0' });
    const top = await page('/hsds/taxonomy_terms?top_only=true', 'taxonomy_term');
    expect(top.contents!.map((x) => x.name)).toEqual(TOP_LEVEL_TERMS);
    const children = await page(`/hsds/taxonomy_terms?parent_id=${openEligibilityTermId('1102')}`, 'taxonomy_term');
    expect(children.contents!.map((x) => x.name)).toEqual(FOOD_TERMS);
    expect(
      children.contents!.every((x) => (x.taxonomy_detail as { name: string }).name === 'Open Eligibility' && x.description === x.name),
    ).toBe(true);
    expect((await page(`/hsds/taxonomy_terms?taxonomy_id=${OPEN_ELIGIBILITY.id}`, 'taxonomy_term')).total_items).toBe(291);
    expect(
      (await page(`/hsds/taxonomy_terms?search=pantry&taxonomy_id=${OPEN_ELIGIBILITY.id}`, 'taxonomy_term')).contents!.map((x) => x.code),
    ).toEqual(['1130']);
    const term = await get(`/hsds/taxonomy_terms/${openEligibilityTermId('1102')}`);
    expect(validator.errors('taxonomy_term', term.json)).toEqual([]);
    expect(term.json).toMatchObject({ code: '1102', name: 'Food', description: expect.stringContaining('food pantries') });
  });

  it('reads the same number of SQL statements for 2, 10 and 100 fully nested objects', async () => {
    const statements = async (path: string) => {
      const mark = t.subgraph.database.counter.count;
      expect((await get(path)).status).toBe(200);
      return t.subgraph.database.counter.since(mark).length;
    };
    for (const path of ['/hsds/services?full=true', '/hsds/organizations?full_service=true', '/hsds/service_at_locations?full=true']) {
      const two = await statements(`${path}&per_page=2`);
      expect({ path, statements: await statements(`${path}&per_page=10`) }).toEqual({ path, statements: two });
      expect({ path, statements: await statements(`${path}&per_page=100`) }).toEqual({ path, statements: two });
    }
  });

  it('refuses bad parameters with 400 naming the parameter, and answers 404 for what does not exist', async () => {
    const cases: Array<[string, string]> = [
      ['/hsds/services?per_page=101', 'per_page'],
      ['/hsds/services?page=0', 'page'],
      ['/hsds/services?full=yes', 'full'],
      ['/hsds/services?taxonomy_term_id=food', 'taxonomy_term_id'],
      ['/hsds/services?modified_after=yesterday', 'modified_after'],
      ['/hsds/services?format=xml', 'format'],
      ['/hsds/services?sort=name', 'sort'],
      ['/hsds/services?search=a&search=b', 'search'],
      ['/hsds/service_at_locations?proximity=1000', 'proximity'],
      ['/hsds/taxonomies?top_only=true', 'top_only'],
      ['/hsds/services/not-a-uuid', 'id'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path);
      expect({ path, status: res.status, body: res.json }).toEqual({
        path,
        status: 400,
        body: { errors: [{ message: expect.stringContaining(field), extensions: { code: 'BAD_USER_INPUT', field } }] },
      });
    }
    for (const path of ['/hsds/services/00000000-0000-4000-8000-000000000999', '/hsds/locations', '/hsds/services/x/y']) {
      const res = await get(path);
      expect({ path, status: res.status, code: (res.json.errors as Array<{ extensions: { code: string } }>)[0].extensions.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it('answers only the gateway: no internal token is 401', async () => {
    const res = await get('/hsds/services', null);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      errors: [
        { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
      ],
    });
  });
});
