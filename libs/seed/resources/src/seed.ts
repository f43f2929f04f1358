import type { DataSource, EntityManager } from 'typeorm';
import { type DemoWorld, demoId } from '@caseflow/demo';
import { generateDirectory, type TableRows } from './demo/directory-generator';
import {
  DIRECTORY_TIMEZONE,
  insertRows,
  OPEN_ELIGIBILITY,
  openEligibilityTerms,
  readOpenEligibilityCsv,
  SERVICE_CATEGORY,
} from '@caseflow/resources';

const CITY = { city: 'Harbour City', stateProvince: 'NS', country: 'CA' };
const TIMEZONE = DIRECTORY_TIMEZONE;
const CENTER = { latitude: 44.6488, longitude: -63.5752 };

/** Every third service is also delivered in French, so that language filters have something to find. */
const offersFrench = (index: number) => index % 3 === 0;

/** The demo directory generated around the demo city, besides the demo world's own organizations. */
export const DEMO_DIRECTORY = { organizations: 60, services: 200, locations: 78 } as const;

/** One benchmark scale unit: 100 units are 5,000 organizations, 20,000 services and 25,000 locations. */
export const SCALE_UNIT = { organizations: 50, services: 200, locations: 250 } as const;

function openEligibility() {
  const terms = openEligibilityTerms(readOpenEligibilityCsv());
  const termIdByCode = new Map<string, string>();
  for (const term of terms) if (!termIdByCode.has(term.code)) termIdByCode.set(term.code, term.id);
  const termId = (code: string) => {
    const id = termIdByCode.get(code);
    if (!id) throw new Error(`A demo service is tagged with ${code}, which is not an Open Eligibility code`);
    return id;
  };
  return { terms, termId };
}

async function insertTaxonomy(tx: EntityManager, terms: ReturnType<typeof openEligibility>['terms']): Promise<void> {
  await insertRows(
    tx,
    'taxonomy',
    ['id', 'name', 'description', 'uri', 'version'],
    [[OPEN_ELIGIBILITY.id, OPEN_ELIGIBILITY.name, OPEN_ELIGIBILITY.description, null, OPEN_ELIGIBILITY.version]],
  );
  await insertRows(
    tx,
    'taxonomy_term',
    ['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id', 'taxonomy'],
    terms.map((t) => [t.id, OPEN_ELIGIBILITY.id, t.code, t.name, t.description, t.parentId, OPEN_ELIGIBILITY.name]),
  );
}

async function insertTables(tx: EntityManager, tables: TableRows[]): Promise<void> {
  for (const { table, columns, rows } of tables) await insertRows(tx, table, columns, rows);
}

/**
 * Writes the directory's part of the demo world: the Open Eligibility
 * taxonomy, the world's organizations (the three demo agencies among them)
 * with their locations, services, weekday hours, phones and languages, and a
 * generated directory of 200 more services around the same city (see
 * `generateDirectory`). Deterministic ids and ON CONFLICT DO NOTHING make it
 * safe to run twice; a few statements per table.
 */
export async function seedResources(dataSource: DataSource, world: DemoWorld): Promise<void> {
  const { terms, termId } = openEligibility();
  const generated = generateDirectory({
    key: 'demo-directory',
    ...DEMO_DIRECTORY,
    center: CENTER,
    radiusKm: 10,
    seed: 2026,
    termId,
    timezone: TIMEZONE,
    city: CITY,
  });

  await dataSource.transaction(async (tx) => {
    await insertTaxonomy(tx, terms);

    await insertRows(
      tx,
      'organization',
      ['id', 'name', 'description', 'email', 'website'],
      world.organizations.map((o) => [o.id, o.name, o.description, o.email, o.website]),
    );
    await insertRows(
      tx,
      'location',
      ['id', 'organization_id', 'name', 'location_type', 'latitude', 'longitude'],
      world.locations.map((l) => [l.id, l.organizationId, l.name, 'physical', l.latitude, l.longitude]),
    );
    await insertRows(
      tx,
      'address',
      ['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
      world.locations.map((l) => [
        demoId('address', l.id),
        l.id,
        l.address1,
        CITY.city,
        CITY.stateProvince,
        l.postalCode,
        CITY.country,
        'physical',
      ]),
    );

    await insertRows(
      tx,
      'service',
      ['id', 'organization_id', 'name', 'description', 'status'],
      world.services.map((s) => [s.id, s.organizationId, s.name, s.description, 'active']),
    );
    await insertRows(
      tx,
      'service_at_location',
      ['id', 'service_id', 'location_id'],
      world.services.map((s) => [s.serviceAtLocationId, s.id, s.locationId]),
    );
    await insertRows(
      tx,
      'attribute',
      ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id'],
      world.services.flatMap((s) =>
        s.taxonomyCodes.map((code) => [
          demoId('attribute', `${s.id}:${code}`),
          s.id,
          SERVICE_CATEGORY.linkType,
          SERVICE_CATEGORY.linkEntity,
          termId(code),
        ]),
      ),
    );

    await insertRows(
      tx,
      'phone',
      ['id', 'organization_id', 'number', 'type', 'description'],
      world.organizations.map((o, i) => [
        demoId('phone', o.id),
        o.id,
        `+1 902-555-01${String(i + 10).padStart(2, '0')}`,
        'voice',
        'Main line',
      ]),
    );
    await insertRows(
      tx,
      'schedule',
      ['id', 'service_at_location_id', 'freq', 'wkst', 'byday', 'opens_at', 'closes_at', 'timezone', 'description'],
      world.services.map((s) => [
        demoId('schedule', s.serviceAtLocationId),
        s.serviceAtLocationId,
        'WEEKLY',
        'MO',
        'MO,TU,WE,TH,FR',
        '09:00',
        '17:00',
        TIMEZONE,
        'Monday to Friday, 9 am to 5 pm',
      ]),
    );
    await insertRows(
      tx,
      'language',
      ['id', 'service_id', 'name', 'code'],
      world.services.flatMap((s, i) => [
        [demoId('language', `${s.id}:en`), s.id, 'English', 'en'],
        ...(offersFrench(i) ? [[demoId('language', `${s.id}:fr`), s.id, 'French', 'fr']] : []),
      ]),
    );
    await insertTables(tx, generated);
  });
}

/**
 * The benchmark's directory: `scale` units of SCALE_UNIT generated around the
 * demo city (wider as it grows), with the taxonomy. Idempotent; batched.
 */
export async function seedDirectoryAtScale(dataSource: DataSource, scale: number): Promise<void> {
  if (!Number.isInteger(scale) || scale < 1) throw new Error('scale must be a whole number of 1 or more');
  const { terms, termId } = openEligibility();
  const tables = generateDirectory({
    key: 'bench-directory',
    organizations: SCALE_UNIT.organizations * scale,
    services: SCALE_UNIT.services * scale,
    locations: SCALE_UNIT.locations * scale,
    center: CENTER,
    radiusKm: 10 * Math.sqrt(scale),
    seed: 100 + scale,
    termId,
    timezone: TIMEZONE,
    city: CITY,
  });
  await dataSource.transaction(async (tx) => {
    await insertTaxonomy(tx, terms);
    await insertTables(tx, tables);
  });
}
