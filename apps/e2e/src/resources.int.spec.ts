import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { atLocalTime, errorCodes } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, statementCounts, type StaffKey, type TestStack } from './harness';

const CITY = { lat: 44.6488, lon: -63.5752 };
/** The coming Tuesday in the demo city's zone (the demo directory's hours are weekly). */
const comingTuesday = (): string => {
  const today = localDay(new Date(), HARBOUR_TIME_ZONE);
  return addDays(today, (2 - new Date(`${today}T12:00:00Z`).getUTCDay() + 7) % 7 || 7);
};
const FOOD = 'food';

interface DirectorySearch {
  searchServices: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        distanceKm: number;
        openNow: boolean | null;
        service: {
          id: string;
          name: string;
          languages: string[];
          taxonomyTerms: Array<{ id: string; name: string }>;
          organization: { id: string; name: string; website: string | null };
        };
        serviceAtLocation: {
          id: string;
          location: { latitude: number; longitude: number; addresses: Array<{ city: string }> };
          schedules: Array<{ byDay: string | null }>;
        } | null;
      };
    }>;
  };
  taxonomyTerms: Array<{ id: string; name: string }>;
}

let stack: TestStack;
const hsds = async (path: string, who: StaffKey | null, extraHeaders: Record<string, string> = {}) =>
  fetch(`${stack.gatewayBaseUrl}${path}`, {
    headers: { ...(who ? { authorization: `Bearer ${await stack.issuer.token(stack.actor(who))}` } : {}), ...extraHeaders },
  });

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the directory through the gateway', () => {
  it('runs directory-search.graphql unchanged: food services open now within 5 km, with the taxonomy', async () => {
    const top = await stack.as<DirectorySearch>('casey', '{ taxonomyTerms { id name } }');
    const food = top.data!.taxonomyTerms.find((t) => t.name.toLowerCase() === FOOD)!;
    // A Tuesday at 11:00 in the demo city's zone.
    const tuesday = comingTuesday();
    const openAt = atLocalTime(tuesday, '11:00', HARBOUR_TIME_ZONE).toISOString();
    const variables = { text: 'food bank', terms: [food.id], lat: CITY.lat, lon: CITY.lon, radiusKm: 5, openAt };
    const res = await stack.as<DirectorySearch>('casey', operation('directory-search', 'DirectorySearch'), variables);
    expect(res.errors).toBeUndefined();
    const { searchServices, taxonomyTerms } = res.data!;
    expect(taxonomyTerms).toHaveLength(11);
    expect(searchServices.totalCount).toBeGreaterThan(0);
    for (const { node } of searchServices.edges) {
      expect(node.distanceKm).toBeLessThanOrEqual(5);
      expect(node.openNow).toBe(true);
      expect(node.serviceAtLocation!.location.addresses[0].city).toBe('Harbour City');
      expect(node.service.languages).toContain('English');
      expect(node.service.organization.name).toEqual(expect.any(String));
    }
    // With words the hits are by relevance (libs/resources/src/search/search.order.int.spec.ts); without, by distance (below).
    expect(searchServices.edges.map((e) => e.node.service.organization.id)).toContain(NORTHSIDE_ID);

    // Late at night only what is open all night is left, and paging goes on from the cursor.
    const night = await stack.as<DirectorySearch>('pat', operation('directory-search', 'DirectorySearch'), {
      ...variables,
      openAt: atLocalTime(addDays(tuesday, 1), '03:30', HARBOUR_TIME_ZONE).toISOString(),
    });
    expect(night.errors).toBeUndefined();
    expect(night.data!.searchServices.totalCount).toBeGreaterThan(0);
    expect(night.data!.searchServices.totalCount).toBeLessThan(searchServices.totalCount);
    const wide = await stack.as<DirectorySearch>('casey', operation('directory-search', 'DirectorySearch'), {
      ...variables,
      text: null,
      terms: null,
      radiusKm: 20,
      openAt: null,
    });
    expect(wide.data!.searchServices.pageInfo.hasNextPage).toBe(true);
    const next = await stack.as<DirectorySearch>('casey', operation('directory-search', 'DirectorySearch'), {
      ...variables,
      text: null,
      terms: null,
      radiusKm: 20,
      openAt: null,
      after: wide.data!.searchServices.pageInfo.endCursor,
    });
    const wideDistances = wide.data!.searchServices.edges.map((e) => e.node.distanceKm);
    expect([...wideDistances].sort((a, b) => a - b)).toEqual(wideDistances);
    const firstIds = wide.data!.searchServices.edges.map((e) => e.node.service.id);
    expect(next.data!.searchServices.edges.some((e) => firstIds.includes(e.node.service.id))).toBe(false);
    expect(next.data!.searchServices.edges[0].node.distanceKm).toBeGreaterThanOrEqual(
      wide.data!.searchServices.edges.at(-1)!.node.distanceKm,
    );
  });

  it('runs the search of refer.graphql unchanged', async () => {
    const res = await stack.as<{
      searchServices: {
        totalCount: number;
        edges: Array<{
          node: { distanceKm: number; service: { name: string; organization: { id: string } }; serviceAtLocation: { id: string } };
        }>;
      };
    }>('casey', operation('refer', 'FindService'), {
      input: { text: 'pantry', near: { latitude: CITY.lat, longitude: CITY.lon }, radiusKm: 10, language: 'English' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchServices.totalCount).toBeGreaterThan(0);
    const names = res.data!.searchServices.edges.map((e) => e.node.service.name);
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/Pantry/)]));
    expect(res.data!.searchServices.edges.every((e) => e.node.serviceAtLocation.id && e.node.distanceKm <= 10)).toBe(true);
  });

  it('sends the resources subgraph the same number of statements for a small and a full page of hits', async () => {
    const query = operation('directory-search', 'DirectorySearch');
    const run = async (radiusKm: number) => {
      const before = statementCounts(stack);
      const res = await stack.as<DirectorySearch>('casey', query, { lat: CITY.lat, lon: CITY.lon, radiusKm });
      expect(res.errors).toBeUndefined();
      return { hits: res.data!.searchServices.edges.length, statements: statementCounts(stack).resources - before.resources };
    };
    const small = await run(2);
    const full = await run(30);
    expect(small.hits).toBeGreaterThan(0);
    expect(small.hits).toBeLessThan(full.hits);
    expect(full.statements).toBe(small.statements);
  });

  it('serves the HSDS API under /hsds/ to any authenticated role, with the Page envelope', async () => {
    for (const who of ['pat', 'casey', 'alex', 'admin'] as const) {
      const response = await hsds('/hsds/services?search=food', who);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const page = (await response.json()) as {
        total_items: number;
        total_pages: number;
        page_number: number;
        size: number;
        first_page: boolean;
        last_page: boolean;
        empty: boolean;
        contents: Array<{ id: string; name: string; status: string }>;
      };
      expect(page).toMatchObject({ page_number: 1, first_page: true, empty: false });
      expect(page.total_items).toBeGreaterThan(0);
      expect(page.size).toBe(page.contents.length);
      expect(page.contents.every((s) => s.id && s.name && s.status)).toBe(true);
    }
    const stream = await hsds(`/hsds/services?format=ndjson&organization_id=${NORTHSIDE_ID}`, 'robin');
    expect(stream.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await stream.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { organization_id: string });
    expect(lines.length).toBe(stack.world.services.filter((s) => s.organizationId === NORTHSIDE_ID).length);
    expect(lines.every((l) => l.organization_id === NORTHSIDE_ID)).toBe(true);
    const bad = await hsds('/hsds/services?per_page=500', 'pat');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'per_page' } }],
    });
  });

  it('refuses /hsds/ without a valid bearer token, whatever identity headers are sent', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer not-a-token' },
      { 'x-caseflow-internal-token': 'forged' },
    ];
    for (const headers of attempts) {
      const response = await hsds('/hsds/services', null, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        errors: [
          { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
        ],
      });
    }
  });

  it("lets a partner edit their own organization's entries and refuses another's", async () => {
    const own = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const other = stack.world.services.find((s) => s.organizationId === EASTSIDE_ID)!;
    const mutation =
      'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id eligibilityDescription } }';
    const ok = await stack.as<{ updateService: { id: string; eligibilityDescription: string } }>('pat', mutation, {
      id: own.id,
      input: { eligibilityDescription: 'Anyone in need.' },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateService).toEqual({ id: own.id, eligibilityDescription: 'Anyone in need.' });
    const refused = await stack.as('pat', mutation, { id: other.id, input: { eligibilityDescription: 'Taken over.' } });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const after = await stack.as<{ service: { eligibilityDescription: string | null } }>(
      'robin',
      'query($id: ID!) { service(id: $id) { eligibilityDescription } }',
      { id: other.id },
    );
    expect(after.data!.service.eligibilityDescription).not.toBe('Taken over.');
  });
});
