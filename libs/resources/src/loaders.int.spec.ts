import type { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { anyOf } from '@caseflow/db';
import { postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { createResourcesLoaders } from './loaders';
import { AddressEntity } from './location/address.entity';
import { LocationEntity } from './location/location.entity';
import { OrganizationEntity } from './organization/organization.entity';
import { PhoneEntity } from './phone/phone.entity';
import { ScheduleEntity } from './schedule/schedule.entity';
import { ServiceAtLocationEntity } from './service-at-location/service-at-location.entity';
import { LanguageEntity } from './service/language.entity';
import { ServiceEntity } from './service/service.entity';
import { SERVICES_WITH_ORGANIZATION_BY_ID } from './service/service.sql';
import {
  SERVICE_AT_LOCATIONS_WITH_LOCATION_BY_ID,
  SERVICE_AT_LOCATIONS_WITH_LOCATION_OF_SERVICES,
} from './service-at-location/service-at-location.sql';
import { AttributeEntity } from './taxonomy/attribute.entity';
import { TaxonomyTermEntity } from './taxonomy/taxonomy-term.entity';
import { staffHeaders, startResources } from './testing/testbed';

const UNKNOWN = '00000000-0000-4000-8000-000000000999';

let t: TestSubgraph;
let ds: DataSource;
const ids = async (table: string): Promise<string[]> =>
  (await ds.query<Array<{ id: string }>>(`SELECT id FROM resources.${table} ORDER BY id`)).map((r) => r.id);

/** What the loaders read through TypeORM before they were prepared reads: the entities by id, in the asked order. */
async function entitiesById<E extends ObjectLiteral & { id: string }>(entity: EntityTarget<E>, keys: string[], relations = {}) {
  const rows = await ds.getRepository(entity).find({ where: { id: anyOf(keys) } as FindOptionsWhere<E>, relations });
  return keys.map((key) => rows.find((row) => row.id === key) ?? null);
}

/** The children of each key, as TypeORM read them. */
/** A loader's name, what it answered, and what the TypeORM read answers. */
type LoaderCase = [string, Promise<unknown[]>, Promise<unknown[]>];

/** The owners a phone or schedule row may belong to, with the column that names each. */
const OWNERS = [
  ['organization', 'organizationId'],
  ['service', 'serviceId'],
  ['location', 'locationId'],
  ['serviceAtLocation', 'serviceAtLocationId'],
] as const;
const SCHEDULE_OWNERS = OWNERS.slice(1) as Array<(typeof OWNERS)[1 | 2 | 3]>;

async function childrenOf<E extends ObjectLiteral>(
  entity: EntityTarget<E>,
  key: keyof E & string,
  keys: string[],
  order: FindOptionsOrder<E>,
) {
  const rows = await ds.getRepository(entity).find({ where: { [key]: anyOf(keys) } as FindOptionsWhere<E>, order });
  return keys.map((k) => rows.filter((row) => row[key] === k));
}

beforeAll(async () => {
  t = await startResources();
  ds = t.subgraph.database.dataSource;
  // Values the demo leaves out: fractional ages, dated schedules, inactive and defunct services, a term without a taxonomy.
  await ds.query(`UPDATE resources.service SET status = 'inactive', minimum_age = 16.5, maximum_age = 64
                  WHERE id = (SELECT id FROM resources.service ORDER BY id LIMIT 1)`);
  await ds.query(
    `UPDATE resources.service SET status = 'defunct' WHERE id = (SELECT id FROM resources.service ORDER BY id OFFSET 1 LIMIT 1)`,
  );
  await ds.query(`UPDATE resources.schedule SET valid_from = '2026-01-31', valid_to = '2027-12-01', bymonthday = '1,-1'
                  WHERE id IN (SELECT id FROM resources.schedule ORDER BY id LIMIT 3)`);
  for (const [owner, table] of [
    ['location_id', 'location'],
    ['service_at_location_id', 'service_at_location'],
    ['service_id', 'service'],
  ]) {
    await ds.query(
      `INSERT INTO resources.phone (${owner}, number, type) SELECT id, '902-555-0100', 'voice' FROM resources.${table} ORDER BY id LIMIT 2`,
    );
    await ds.query(
      `INSERT INTO resources.schedule (${owner}, freq, byday, opens_at, closes_at) SELECT id, 'WEEKLY', 'SA', '10:00', '12:30' FROM resources.${table} ORDER BY id LIMIT 2`,
    );
  }
  await ds.query(
    `UPDATE resources.taxonomy_term SET taxonomy_id = NULL WHERE id = (SELECT id FROM resources.taxonomy_term ORDER BY id LIMIT 1)`,
  );
});
afterAll(() => t?.stop());

describe('resources loaders (prepared reads)', () => {
  it('answer every entity by id exactly as the TypeORM reads did, null for unknown ids', async () => {
    const loaders = createResourcesLoaders(ds);
    const cases: Array<[string, string, (keys: string[]) => Promise<unknown[]>, (keys: string[]) => Promise<unknown[]>]> = [
      ['organization', 'organization', (k) => loaders.organization.loadMany(k), (k) => entitiesById(OrganizationEntity, k)],
      ['service', 'service', (k) => loaders.service.loadMany(k), (k) => entitiesById(ServiceEntity, k)],
      ['location', 'location', (k) => loaders.location.loadMany(k), (k) => entitiesById(LocationEntity, k)],
      [
        'service_at_location',
        'serviceAtLocation',
        (k) => loaders.serviceAtLocation.loadMany(k),
        (k) => entitiesById(ServiceAtLocationEntity, k),
      ],
      [
        'taxonomy_term',
        'taxonomyTerm',
        (k) => loaders.taxonomyTerm.loadMany(k),
        (k) => entitiesById(TaxonomyTermEntity, k, { taxonomy: true }),
      ],
    ];
    for (const [table, name, prepared, typeorm] of cases) {
      const keys = [...(await ids(table)), UNKNOWN];
      expect(keys.length).toBeGreaterThan(2);
      expect({ name, rows: await prepared(keys) }).toEqual({ name, rows: await typeorm(keys) });
    }
    const term = (await loaders.taxonomyTerm.load((await ids('taxonomy_term'))[0]))!;
    expect(term.taxonomy).toBeNull();
    const ages = await ds.query<Array<{ id: string }>>(`SELECT id FROM resources.service WHERE minimum_age = 16.5`);
    expect(await loaders.service.load(ages[0].id)).toMatchObject({ status: 'inactive', minimumAge: 16.5, maximumAge: 64 });
  });

  it('answer every list under a parent exactly as the TypeORM reads did, in the same order', async () => {
    const loaders = createResourcesLoaders(ds);
    const [organizations, services, locations, sals] = [
      [...(await ids('organization')), UNKNOWN],
      [...(await ids('service')), UNKNOWN],
      [...(await ids('location')), UNKNOWN],
      [...(await ids('service_at_location')), UNKNOWN],
    ];
    const phoneOrder = { type: 'ASC', number: 'ASC', id: 'ASC' } as const;
    const scheduleOrder = { opensAt: 'ASC', id: 'ASC' } as const;
    const idsOf = { organization: organizations, service: services, location: locations, serviceAtLocation: sals };
    const cases: LoaderCase[] = [
      [
        'servicesOfOrganization',
        loaders.servicesOfOrganization.loadMany(organizations),
        childrenOf(ServiceEntity, 'organizationId', organizations, { name: 'ASC', id: 'ASC' }),
      ],
      [
        'locationsOfOrganization',
        loaders.locationsOfOrganization.loadMany(organizations),
        childrenOf(LocationEntity, 'organizationId', organizations, { name: 'ASC', id: 'ASC' }),
      ],
      [
        'addressesOfLocation',
        loaders.addressesOfLocation.loadMany(locations),
        childrenOf(AddressEntity, 'locationId', locations, { addressType: 'ASC', id: 'ASC' }),
      ],
      [
        'serviceAtLocationsOfService',
        loaders.serviceAtLocationsOfService.loadMany(services),
        childrenOf(ServiceAtLocationEntity, 'serviceId', services, { id: 'ASC' }),
      ],
      [
        'languagesOfService',
        loaders.languagesOfService.loadMany(services),
        childrenOf(LanguageEntity, 'serviceId', services, { name: 'ASC', id: 'ASC' }),
      ],
      ...OWNERS.map(([owner, key]): LoaderCase => [
        `phonesOf.${owner}`,
        loaders.phonesOf[owner].loadMany(idsOf[owner]),
        childrenOf(PhoneEntity, key, idsOf[owner], phoneOrder),
      ]),
      ...SCHEDULE_OWNERS.map(([owner, key]): LoaderCase => [
        `schedulesOf.${owner}`,
        loaders.schedulesOf[owner].loadMany(idsOf[owner]),
        childrenOf(ScheduleEntity, key, idsOf[owner], scheduleOrder),
      ]),
    ];
    for (const [name, prepared, typeorm] of cases) {
      const [mine, theirs] = [await prepared, await typeorm];
      expect({ name, found: theirs.flat().length > 0 }).toEqual({ name, found: true });
      expect({ name, rows: mine }).toEqual({ name, rows: theirs });
    }
    const categories = await ds.getRepository(AttributeEntity).find({
      where: { linkEntity: 'service', linkId: anyOf(services) },
      relations: { taxonomyTerm: { taxonomy: true } },
      order: { taxonomyTerm: { name: 'ASC' }, id: 'ASC' },
    });
    expect(categories.length).toBeGreaterThan(0);
    expect(await loaders.categoriesOfService.loadMany(services)).toEqual(services.map((s) => categories.filter((a) => a.linkId === s)));
    const dated = (await loaders.schedulesOf.serviceAtLocation.loadMany(sals)).flat().filter((s) => !(s instanceof Error) && s.validFrom);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated[0]).toMatchObject({ validFrom: '2026-01-31', validTo: '2027-12-01', bymonthday: '1,-1' });
  });

  it('reads services with their organizations in one statement and a service at a location with its location in one', async () => {
    const loaders = createResourcesLoaders(ds);
    const counter = t.subgraph.database.counter;
    const services = (await ids('service')).slice(0, 6);
    let mark = counter.count;
    const read = await loaders.service.loadMany([...services, UNKNOWN]);
    expect(read.at(-1)).toBeNull();
    const organizations = await loaders.organization.loadMany(read.slice(0, -1).map((s) => (s as ServiceEntity).organizationId));
    expect(counter.since(mark)).toEqual([SERVICES_WITH_ORGANIZATION_BY_ID.text]);
    expect(organizations).toEqual(
      await entitiesById(
        OrganizationEntity,
        organizations.map((o) => (o as OrganizationEntity).id),
      ),
    );

    const sals = (await ids('service_at_location')).slice(0, 4);
    mark = counter.count;
    const places = await loaders.serviceAtLocation.loadMany(sals);
    const located = await loaders.location.loadMany(places.map((p) => (p as ServiceAtLocationEntity).locationId));
    expect(counter.since(mark)).toEqual([SERVICE_AT_LOCATIONS_WITH_LOCATION_BY_ID.text]);
    expect(located).toEqual(
      await entitiesById(
        LocationEntity,
        places.map((p) => (p as ServiceAtLocationEntity).locationId),
      ),
    );

    // A service's places, and their locations, in one statement too.
    const fresh = createResourcesLoaders(ds);
    mark = counter.count;
    const ofServices = await fresh.serviceAtLocationsOfService.loadMany(services);
    const placed = (ofServices as ServiceAtLocationEntity[][]).flat();
    const theirLocations = await fresh.location.loadMany(placed.map((p) => p.locationId));
    expect(counter.since(mark)).toEqual([SERVICE_AT_LOCATIONS_WITH_LOCATION_OF_SERVICES.text]);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.map((p) => p.serviceId).every((id) => services.includes(id))).toBe(true);
    expect(placed).toEqual(
      await entitiesById(
        ServiceAtLocationEntity,
        placed.map((p) => p.id),
      ),
    );
    expect(theirLocations).toEqual(
      await entitiesById(
        LocationEntity,
        placed.map((p) => p.locationId),
      ),
    );
  });

  it("answers the caseload's Service → organization in one statement, inactive and defunct services and unknown ids included", async () => {
    const rows = await ds.query<Array<{ id: string; name: string; status: string; org_id: string; org_name: string }>>(
      `SELECT s.id, s.name, s.status, o.id AS org_id, o.name AS org_name FROM resources.service s
       JOIN resources.organization o ON o.id = s.organization_id ORDER BY s.id LIMIT 5`,
    );
    expect(rows.map((r) => r.status).slice(0, 2)).toEqual(['inactive', 'defunct']);
    const representations = [...rows.map((r) => ({ __typename: 'Service', id: r.id })), { __typename: 'Service', id: UNKNOWN }];
    const mark = t.subgraph.database.counter.count;
    const res = await postGraphQL<{ _entities: unknown[] }>(
      t.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Service { name organization { id name } } } }',
      { r: representations },
      staffHeaders(t, 'casey'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([...rows.map((r) => ({ name: r.name, organization: { id: r.org_id, name: r.org_name } })), null]);
    expect(t.subgraph.database.counter.since(mark).filter((sql) => !sql.includes('audit_event'))).toEqual([
      SERVICES_WITH_ORGANIZATION_BY_ID.text,
    ]);
  });
});
