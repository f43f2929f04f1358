import { Client } from 'pg';
import { demoId } from '@caseflow/demo';
import { postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { openEligibilityTermId } from '../taxonomy/open-eligibility';
import { P, seedSearchDirectory } from '../testing/search-directory';
import { staffHeaders, startResources } from '../testing/testbed';

/**
 * `resources.search_place` is derived by the database (migration
 * SearchPlaces1765411200101): whatever writes the directory, the table must
 * equal its definition, and a search must see the write at once.
 */
let t: TestSubgraph;
let db: Client;
beforeAll(async () => {
  t = await startResources('empty');
  await seedSearchDirectory(t);
  db = new Client({ connectionString: t.runtimeUrl });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await t?.stop();
});

/** A place's row, comparable: categories sorted, the point and the words as text. */
const PLACE_COLUMNS = `place_id, service_id, service_at_location_id, location_id, name, status, minimum_age::text, maximum_age::text,
  earth::text AS earth, document::text AS document, ARRAY(SELECT x FROM unnest(term_ids) x ORDER BY x)::text AS term_ids`;
/** The definition: what the table must hold, derived from the directory's own tables now. */
const DERIVED = `SELECT coalesce(sal.id, s.id) AS place_id, s.id AS service_id, sal.id AS service_at_location_id, l.id AS location_id,
    s.name, s.status, s.minimum_age, s.maximum_age,
    CASE WHEN l.latitude BETWEEN -90 AND 90 AND l.longitude BETWEEN -180 AND 180 THEN public.ll_to_earth(l.latitude, l.longitude) END AS earth,
    s.search_vector || s.organization_vector AS document,
    ARRAY(SELECT a.taxonomy_term_id FROM resources.attribute a WHERE a.link_id = s.id AND a.link_entity = 'service') AS term_ids
  FROM resources.service s
  LEFT JOIN resources.service_at_location sal ON sal.service_id = s.id
  LEFT JOIN resources.location l ON l.id = sal.location_id`;

async function placesAndDefinition(): Promise<{ table: unknown[]; derived: unknown[] }> {
  const table = (await db.query(`SELECT ${PLACE_COLUMNS} FROM resources.search_place ORDER BY place_id`)).rows;
  const derived = (await db.query(`SELECT ${PLACE_COLUMNS} FROM (${DERIVED}) d ORDER BY place_id`)).rows;
  return { table, derived };
}
async function expectDerived(): Promise<void> {
  const { table, derived } = await placesAndDefinition();
  expect(table).toEqual(derived);
}
const placesOf = async (serviceId: string) =>
  (
    await db.query(
      `SELECT place_id, service_at_location_id, earth IS NOT NULL AS located, status FROM resources.search_place WHERE service_id = $1 ORDER BY place_id`,
      [serviceId],
    )
  ).rows;

const SEARCH = `query($input: ServiceSearchInput!) { searchServices(input: $input, first: 50) { totalCount edges { node { service { id } serviceAtLocation { id } } } } }`;
async function found(input: Record<string, unknown>): Promise<string[]> {
  const res = await postGraphQL<{ searchServices: { edges: Array<{ node: { service: { id: string } } }> } }>(
    t.url,
    SEARCH,
    { input },
    staffHeaders(t, 'casey'),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.searchServices.edges.map((e) => e.node.service.id);
}

const id = (kind: string) => demoId('search-place-test', kind);
const ORG = id('organization');
const SERVICE = id('service');
const LOCATION = id('location');
const SAL = id('service-at-location');
const ATTRIBUTE = id('attribute');
const KM_LAT = 1 / 111.32;

describe('the search places the database keeps', () => {
  it('holds, after the migration and a directory written straight into its tables, exactly what its definition derives: a row per place and one per service delivered nowhere', async () => {
    await expectDerived();
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM resources.service) AS services,
              (SELECT count(DISTINCT service_id)::int FROM resources.search_place) AS with_places,
              (SELECT count(*)::int FROM resources.search_place WHERE service_at_location_id IS NULL) AS nowhere,
              (SELECT count(*)::int FROM resources.service s WHERE NOT EXISTS (SELECT 1 FROM resources.service_at_location sal WHERE sal.service_id = s.id)) AS services_nowhere`,
    );
    expect(rows[0].with_places).toBe(rows[0].services);
    expect(rows[0].nowhere).toBe(rows[0].services_nowhere);
    expect(rows[0].nowhere).toBeGreaterThan(0);
  });

  it('follows every write of a service, its places, their points, its categories and its organization, and a search sees each at once', async () => {
    const food = openEligibilityTermId('1102');
    await db.query(
      `INSERT INTO resources.organization (id, name, description) VALUES ($1, 'Quillwort Mutual Aid', 'Neighbours helping.')`,
      [ORG],
    );
    await db.query(
      `INSERT INTO resources.service (id, organization_id, name, description) VALUES ($1, $2, 'Larder Share', 'Weekly larder.')`,
      [SERVICE, ORG],
    );
    expect(await placesOf(SERVICE)).toEqual([{ place_id: SERVICE, service_at_location_id: null, located: false, status: 'active' }]);
    expect(await found({ text: 'larder' })).toEqual([SERVICE]);
    expect(await found({ text: 'larder', near: P, radiusKm: 5 })).toEqual([]);
    await expectDerived();

    // Delivered at a place: the row of the service delivered nowhere gives way to the place's, with its point.
    await db.query(
      `INSERT INTO resources.location (id, organization_id, name, location_type, latitude, longitude) VALUES ($1, $2, 'Hall', 'physical', $3, $4)`,
      [LOCATION, ORG, P.latitude + 2 * KM_LAT, P.longitude],
    );
    await db.query(`INSERT INTO resources.service_at_location (id, service_id, location_id) VALUES ($1, $2, $3)`, [SAL, SERVICE, LOCATION]);
    expect(await placesOf(SERVICE)).toEqual([{ place_id: SAL, service_at_location_id: SAL, located: true, status: 'active' }]);
    expect(await found({ text: 'larder', near: P, radiusKm: 5 })).toEqual([SERVICE]);
    await expectDerived();

    // A category added, then taken away.
    expect(await found({ text: 'larder', taxonomyTermIds: [food] })).toEqual([]);
    await db.query(
      `INSERT INTO resources.attribute (id, link_id, link_type, link_entity, taxonomy_term_id) VALUES ($1, $2, 'service', 'service', $3)`,
      [ATTRIBUTE, SERVICE, food],
    );
    expect(await found({ text: 'larder', taxonomyTermIds: [food] })).toEqual([SERVICE]);
    await expectDerived();
    await db.query(`DELETE FROM resources.attribute WHERE id = $1`, [ATTRIBUTE]);
    expect(await found({ text: 'larder', taxonomyTermIds: [food] })).toEqual([]);
    await expectDerived();

    // The organization's words are the service's too: a new name is found at once.
    expect(await found({ text: 'foxglove' })).toEqual([]);
    await db.query(`UPDATE resources.organization SET name = 'Foxglove Mutual Aid' WHERE id = $1`, [ORG]);
    expect(await found({ text: 'foxglove' })).toEqual([SERVICE]);
    await expectDerived();

    // The place moves 40 km away: no longer within 5 km, found within 50.
    await db.query(`UPDATE resources.location SET latitude = $2 WHERE id = $1`, [LOCATION, P.latitude + 40 * KM_LAT]);
    expect(await found({ text: 'larder', near: P, radiusKm: 5 })).toEqual([]);
    expect(await found({ text: 'larder', near: P, radiusKm: 50 })).toEqual([SERVICE]);
    await expectDerived();

    // Renamed, then no longer offered.
    await db.query(`UPDATE resources.service SET name = 'Pantry Share' WHERE id = $1`, [SERVICE]);
    expect(await found({ text: 'larder share' })).toEqual([SERVICE]); // still in its description
    expect(await found({ text: 'pantry share' })).toEqual([SERVICE]);
    await db.query(`UPDATE resources.service SET status = 'inactive' WHERE id = $1`, [SERVICE]);
    expect(await placesOf(SERVICE)).toEqual([{ place_id: SAL, service_at_location_id: SAL, located: true, status: 'inactive' }]);
    expect(await found({ text: 'pantry share' })).toEqual([]);
    await expectDerived();

    // The place removed: delivered nowhere again; the service removed: no rows.
    await db.query(`DELETE FROM resources.service_at_location WHERE id = $1`, [SAL]);
    expect(await placesOf(SERVICE)).toEqual([{ place_id: SERVICE, service_at_location_id: null, located: false, status: 'inactive' }]);
    await db.query(`DELETE FROM resources.service WHERE id = $1`, [SERVICE]);
    expect(await placesOf(SERVICE)).toEqual([]);
    await expectDerived();
  });

  it('rebuilds a service touched by two writers at once one after the other: the second sees what the first committed', async () => {
    const service = id('contended-service');
    const shelter = openEligibilityTermId('1130');
    await db.query(`INSERT INTO resources.service (id, organization_id, name, description) VALUES ($1, $2, 'Warm Room', 'Overnight.')`, [
      service,
      ORG,
    ]);
    const other = new Client({ connectionString: t.runtimeUrl });
    await other.connect();
    try {
      // Categories first: its rebuild holds the service until it commits; the rename waits, then rebuilds with the category.
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO resources.attribute (id, link_id, link_type, link_entity, taxonomy_term_id) VALUES ($1, $2, 'service', 'service', $3)`,
        [id('contended-attribute-1'), service, shelter],
      );
      await other.query('BEGIN');
      const rename = other.query(`UPDATE resources.service SET name = 'Warm Room Plus' WHERE id = $1`, [service]);
      await db.query('COMMIT');
      await rename;
      await other.query('COMMIT');
      await expectDerived();

      // The rename first: the category's rebuild waits for it, then reads the new name.
      await other.query('BEGIN');
      await other.query(`UPDATE resources.service SET name = 'Warm Room Evenings' WHERE id = $1`, [service]);
      await db.query('BEGIN');
      const categorize = db.query(
        `INSERT INTO resources.attribute (id, link_id, link_type, link_entity, taxonomy_term_id) VALUES ($1, $2, 'service', 'service', $3)`,
        [id('contended-attribute-2'), service, openEligibilityTermId('1102')],
      );
      await other.query('COMMIT');
      await categorize;
      await db.query('COMMIT');
      await expectDerived();
      const { rows } = await db.query(`SELECT name, cardinality(term_ids) AS terms FROM resources.search_place WHERE service_id = $1`, [
        service,
      ]);
      expect(rows).toEqual([{ name: 'Warm Room Evenings', terms: 2 }]);
    } finally {
      await other.end();
    }
  });
});
