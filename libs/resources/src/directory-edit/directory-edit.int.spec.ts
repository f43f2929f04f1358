import { EASTSIDE_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes, type TestSubgraph } from '@caseflow/testing';
import { openEligibilityTermId } from '../taxonomy/open-eligibility';
import { graphqlAs, type StaffKey, startResources, world } from '../testing/testbed';

const northsidePantry = world.services.find((s) => s.name === 'Weekly Food Pantry')!;
const eastsideService = world.services.find((s) => s.organizationId === EASTSIDE_ID)!;
const eastsideLocation = world.locations.find((l) => l.organizationId === EASTSIDE_ID)!;
const northsideLocation = world.locations.find((l) => l.organizationId === NORTHSIDE_ID)!;

let t: TestSubgraph;
const run = <T = Record<string, unknown>>(who: StaffKey, query: string, variables: Record<string, unknown> = {}) =>
  graphqlAs<T>(t, who, query, variables);
const db = () => t.subgraph.database.dataSource;
const TABLES = ['service', 'location', 'address', 'service_at_location', 'phone', 'schedule', 'language', 'attribute', 'metadata'];
/** Every row of the tables an edit can touch, so that a refused edit can be shown to change nothing. */
const snapshot = async () => {
  const out: Record<string, unknown> = {};
  for (const table of TABLES)
    out[table] = await db().query(
      `SELECT to_jsonb(t) - 'search_vector' - 'organization_vector' AS row FROM resources.${table} t ORDER BY id`,
    );
  return out;
};
const metadataOf = (resourceId: string) =>
  db().query(
    `SELECT resource_type, last_action_type, field_name, previous_value, replacement_value, updated_by, last_action_date::text = current_date::text AS today
     FROM resources.metadata WHERE resource_id = $1 ORDER BY recorded_at, field_name`,
    [resourceId],
  );

beforeAll(async () => {
  t = await startResources();
});
afterAll(() => t?.stop());

const UPDATE_SERVICE =
  'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id name description email languages taxonomyTerms { name } } }';

describe('partner edits of their own organization', () => {
  it('updates a service, writing one metadata row per changed field with who and when, and bumps last_modified', async () => {
    const pat = demoStaff('pat');
    const [before] = await db().query('SELECT last_modified FROM resources.service WHERE id = $1', [northsidePantry.id]);
    const res = await run('pat', UPDATE_SERVICE, {
      id: northsidePantry.id,
      input: {
        name: 'Weekly Food Bank Pantry',
        email: 'pantry@northside-food.example',
        languages: ['English', 'Arabic'],
        taxonomyTermIds: [openEligibilityTermId('1130'), openEligibilityTermId('1128')],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateService).toEqual({
      id: northsidePantry.id,
      name: 'Weekly Food Bank Pantry',
      description: northsidePantry.description,
      email: 'pantry@northside-food.example',
      languages: ['Arabic', 'English'],
      taxonomyTerms: [{ name: 'Emergency Food' }, { name: 'Food Pantry' }],
    });
    expect(await metadataOf(northsidePantry.id)).toEqual([
      {
        resource_type: 'service',
        last_action_type: 'update',
        field_name: 'email',
        previous_value: '',
        replacement_value: 'pantry@northside-food.example',
        updated_by: pat.id,
        today: true,
      },
      {
        resource_type: 'service',
        last_action_type: 'update',
        field_name: 'name',
        previous_value: 'Weekly Food Pantry',
        replacement_value: 'Weekly Food Bank Pantry',
        updated_by: pat.id,
        today: true,
      },
    ]);
    const lists = await db().query(
      `SELECT resource_type, last_action_type, field_name, replacement_value FROM resources.metadata WHERE resource_type IN ('language', 'attribute') AND updated_by = $1 AND field_name IN ('name', 'taxonomy_term_id') ORDER BY resource_type`,
      [pat.id],
    );
    expect(lists).toEqual([
      {
        resource_type: 'attribute',
        last_action_type: 'create',
        field_name: 'taxonomy_term_id',
        replacement_value: openEligibilityTermId('1128'),
      },
      { resource_type: 'language', last_action_type: 'create', field_name: 'name', replacement_value: 'Arabic' },
    ]);
    const [after] = await db().query('SELECT last_modified FROM resources.service WHERE id = $1', [northsidePantry.id]);
    expect(after.last_modified.getTime()).toBeGreaterThan(before.last_modified.getTime());
    const audit = await db().query(`SELECT action, entity_type, outcome, actor_id FROM resources.audit_event WHERE entity_id = $1`, [
      northsidePantry.id,
    ]);
    expect(audit).toEqual([{ action: 'UPDATE', entity_type: 'Service', outcome: 'ALLOWED', actor_id: pat.id }]);
  });

  it('changes nothing and writes no metadata when the values are the same', async () => {
    const before = await snapshot();
    const res = await run('pat', UPDATE_SERVICE, { id: northsidePantry.id, input: { name: 'Weekly Food Bank Pantry' } });
    expect(res.errors).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('creates a service with a location, a service at that location, hours past midnight and a phone, all in metadata', async () => {
    const created = await run<{ createService: { id: string; status: string; organization: { id: string } } }>(
      'pat',
      'mutation($input: CreateServiceInput!) { createService(input: $input) { id status organization { id } } }',
      {
        input: {
          organizationId: NORTHSIDE_ID,
          name: 'Late Night Food Line',
          description: 'Emergency food by phone, evenings and nights.',
          url: 'https://northside-food.example/late',
          minimumAge: 16,
          languages: ['English'],
          taxonomyTermIds: [openEligibilityTermId('1120')],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const serviceId = created.data!.createService.id;
    expect(created.data!.createService).toMatchObject({ status: 'active', organization: { id: NORTHSIDE_ID } });

    const location = await run<{ createLocation: { id: string; latitude: number; addresses: Array<{ city: string; country: string }> } }>(
      'pat',
      'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id latitude addresses { city country } } }',
      {
        input: {
          organizationId: NORTHSIDE_ID,
          name: 'Night depot',
          locationType: 'physical',
          latitude: 44.65,
          longitude: -63.57,
          address: { address1: '12 Depot Lane', city: 'Harbour City', stateProvince: 'NS', postalCode: 'B3K 1Z1', country: 'ca' },
        },
      },
    );
    expect(location.errors).toBeUndefined();
    expect(location.data!.createLocation).toMatchObject({ latitude: 44.65, addresses: [{ city: 'Harbour City', country: 'CA' }] });
    const locationId = location.data!.createLocation.id;

    const sal = await run<{ createServiceAtLocation: { id: string; service: { id: string }; location: { id: string } } }>(
      'pat',
      'mutation($input: CreateServiceAtLocationInput!) { createServiceAtLocation(input: $input) { id service { id } location { id } } }',
      { input: { serviceId, locationId, description: 'Pick-up at the depot door.' } },
    );
    expect(sal.errors).toBeUndefined();
    const salId = sal.data!.createServiceAtLocation.id;

    const schedule = await run<{ addSchedule: { id: string; byDay: string; opensAt: string; closesAt: string; timezone: string } }>(
      'pat',
      'mutation($owner: DirectoryOwnerInput!, $input: ScheduleInput!) { addSchedule(owner: $owner, input: $input) { id byDay opensAt closesAt timezone } }',
      {
        owner: { serviceAtLocationId: salId },
        input: {
          byDay: 'fr,sa',
          opensAt: '22:00',
          closesAt: '04:00',
          closesNextDay: true,
          timezone: 'America/Halifax',
          description: 'Friday and Saturday nights',
        },
      },
    );
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data!.addSchedule).toMatchObject({ byDay: 'FR,SA', opensAt: '22:00', closesAt: '04:00', timezone: 'America/Halifax' });

    const phone = await run<{ addPhone: { id: string; number: string; type: string } }>(
      'pat',
      'mutation($owner: DirectoryOwnerInput!, $input: PhoneInput!) { addPhone(owner: $owner, input: $input) { id number type } }',
      { owner: { serviceId }, input: { number: '+1 902-555-0199', extension: '12' } },
    );
    expect(phone.errors).toBeUndefined();
    expect(phone.data!.addPhone).toMatchObject({ number: '+1 902-555-0199', type: 'voice' });

    // Saturday 02:00 local, from Friday night's hours
    const search = await run<{ searchServices: { edges: Array<{ node: { service: { id: string }; openNow: boolean } }> } }>(
      'casey',
      'query($input: ServiceSearchInput!) { searchServices(input: $input) { edges { node { service { id } openNow } } } }',
      { input: { text: 'late night food line', openAt: '2026-11-28T06:00:00Z' } },
    );
    expect(search.data!.searchServices.edges).toEqual([{ node: { service: { id: serviceId }, openNow: true } }]);

    const createdRows = await db().query(
      `SELECT resource_type, count(*)::int AS n FROM resources.metadata WHERE last_action_type = 'create' AND resource_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1`,
      [[serviceId, locationId, salId, schedule.data!.addSchedule.id, phone.data!.addPhone.id]],
    );
    expect(createdRows.map((r: { resource_type: string }) => r.resource_type)).toEqual([
      'location',
      'phone',
      'schedule',
      'service',
      'service_at_location',
    ]);
    expect(createdRows.every((r: { n: number }) => r.n >= 3)).toBe(true);

    const removed = await run('pat', 'mutation($id: ID!) { removePhone(id: $id) }', { id: phone.data!.addPhone.id });
    expect(removed.data).toEqual({ removePhone: phone.data!.addPhone.id });
    expect(await db().query('SELECT id FROM resources.phone WHERE id = $1', [phone.data!.addPhone.id])).toEqual([]);
    expect(
      await db().query(
        `SELECT field_name, previous_value FROM resources.metadata WHERE resource_id = $1 AND last_action_type = 'delete' AND field_name = 'number'`,
        [phone.data!.addPhone.id],
      ),
    ).toEqual([{ field_name: 'number', previous_value: '+1 902-555-0199' }]);
  });

  it('sets a service status, and an inactive service leaves the search', async () => {
    const service = world.services.find((s) => s.name === 'Community Hot Meals')!;
    const res = await run('pat', 'mutation($id: ID!) { setServiceStatus(id: $id, status: "inactive") { id status } }', { id: service.id });
    expect(res.data).toEqual({ setServiceStatus: { id: service.id, status: 'inactive' } });
    expect(await metadataOf(service.id)).toEqual([
      expect.objectContaining({ field_name: 'status', previous_value: 'active', replacement_value: 'inactive' }),
    ]);
    const search = await run<{ searchServices: { edges: Array<{ node: { service: { name: string } } }> } }>(
      'casey',
      'query { searchServices(input: { text: "hot meals northside" }, first: 100) { edges { node { service { name } } } } }',
    );
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchServices.edges.map((e) => e.node.service.name)).not.toContain('Community Hot Meals');
    const active = await run<{ searchServices: { edges: Array<{ node: { service: { name: string } } }> } }>(
      'casey',
      'query { searchServices(input: { text: "northside food bank" }, first: 100) { edges { node { service { name } } } } }',
    );
    expect(active.data!.searchServices.edges.map((e) => e.node.service.name)).toContain('Emergency Food Hamper');
  });

  it('updates a location and its address, and a schedule and a phone of its own organization', async () => {
    const updated = await run<{ updateLocation: { latitude: number; addresses: Array<{ address1: string }> } }>(
      'pat',
      'mutation($id: ID!, $input: UpdateLocationInput!) { updateLocation(id: $id, input: $input) { latitude addresses { address1 } } }',
      {
        id: northsideLocation.id,
        input: {
          latitude: 44.66,
          longitude: -63.6,
          address: { address1: '1 New Street', city: 'Harbour City', stateProvince: 'NS', postalCode: 'B3K 2A2', country: 'CA' },
        },
      },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateLocation).toEqual({ latitude: 44.66, addresses: [{ address1: '1 New Street' }] });
    const fields = (await metadataOf(northsideLocation.id)).map(
      (m: { field_name: string; previous_value: string; replacement_value: string }) => [
        m.field_name,
        m.previous_value,
        m.replacement_value,
      ],
    );
    expect(fields).toEqual([
      ['latitude', String(northsideLocation.latitude), '44.66'],
      ['longitude', String(northsideLocation.longitude), '-63.6'],
    ]);

    const [schedule] = await db().query('SELECT id FROM resources.schedule WHERE service_at_location_id = $1', [
      northsidePantry.serviceAtLocationId,
    ]);
    const res = await run<{ updateSchedule: { byDay: string; opensAt: string; closesAt: string } }>(
      'pat',
      'mutation($id: ID!, $input: ScheduleInput!) { updateSchedule(id: $id, input: $input) { byDay opensAt closesAt } }',
      { id: schedule.id, input: { byDay: 'TU,TH', opensAt: '10:00', closesAt: '14:00' } },
    );
    expect(res.data).toEqual({ updateSchedule: { byDay: 'TU,TH', opensAt: '10:00', closesAt: '14:00' } });
    expect((await metadataOf(schedule.id)).map((m: { field_name: string }) => m.field_name)).toEqual([
      'byday',
      'closes_at',
      'description',
      'opens_at',
      'timezone',
    ]);
  });
});

describe('edits refused', () => {
  const cases: Array<[string, StaffKey, string, Record<string, unknown>]> = [
    ["a partner updating another organization's service", 'pat', UPDATE_SERVICE, { id: eastsideService.id, input: { name: 'Taken over' } }],
    [
      "a partner changing another organization's service status",
      'pat',
      'mutation($id: ID!) { setServiceStatus(id: $id, status: "defunct") { id } }',
      { id: eastsideService.id },
    ],
    [
      'a partner creating a service for another organization',
      'robin',
      'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }',
      { input: { organizationId: NORTHSIDE_ID, name: 'Not mine' } },
    ],
    [
      "a partner updating another organization's location",
      'pat',
      'mutation($id: ID!) { updateLocation(id: $id, input: { name: "x" }) { id } }',
      { id: eastsideLocation.id },
    ],
    [
      "a partner adding a phone to another organization's service",
      'pat',
      'mutation($s: ID!) { addPhone(owner: { serviceId: $s }, input: { number: "902-555-0100" }) { id } }',
      { s: eastsideService.id },
    ],
    [
      "a partner adding hours to another organization's service at a location",
      'pat',
      'mutation($s: ID!) { addSchedule(owner: { serviceAtLocationId: $s }, input: { byDay: "MO" }) { id } }',
      { s: eastsideService.serviceAtLocationId },
    ],
    ['a case manager editing any service', 'casey', UPDATE_SERVICE, { id: northsidePantry.id, input: { name: 'x' } }],
    [
      'an analyst creating a location',
      'alex',
      'mutation { createLocation(input: { organizationId: "00000000-0000-4000-8000-000000000001", locationType: "physical" }) { id } }',
      {},
    ],
  ];
  it.each(cases)('refuses %s with FORBIDDEN, audits the denial and changes nothing', async (_name, who, query, variables) => {
    const before = await snapshot();
    const res = await run(who, query, variables);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(await snapshot()).toEqual(before);
    const [denial] = await db().query(`SELECT count(*)::int AS n FROM resources.audit_event WHERE outcome = 'DENIED' AND actor_id = $1`, [
      demoStaff(who).id,
    ]);
    expect(denial.n).toBeGreaterThan(0);
  });

  it("lets an admin edit any organization's entries", async () => {
    const res = await run('admin', UPDATE_SERVICE, { id: eastsideService.id, input: { description: 'Checked by the directory admin.' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateService).toMatchObject({ id: eastsideService.id, description: 'Checked by the directory admin.' });
    expect(await metadataOf(eastsideService.id)).toEqual([
      expect.objectContaining({ field_name: 'description', updated_by: demoStaff('admin').id }),
    ]);
  });

  const UPDATE_SERVICE_ID = 'mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }';
  const CREATE_LOCATION_ID = 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }';
  const ADD_PHONE_ID = 'mutation($owner: DirectoryOwnerInput!, $input: PhoneInput!) { addPhone(owner: $owner, input: $input) { id } }';
  const ADD_SCHEDULE_ID =
    'mutation($owner: DirectoryOwnerInput!, $input: ScheduleInput!) { addSchedule(owner: $owner, input: $input) { id } }';
  type BadInput = [query: string, variables: Record<string, unknown>, field: string];
  const pantry = { serviceId: northsidePantry.id };
  const service = (input: object, field: string): BadInput => [UPDATE_SERVICE_ID, { id: northsidePantry.id, input }, field];
  const location = (input: object, field: string): BadInput => [
    CREATE_LOCATION_ID,
    { input: { organizationId: NORTHSIDE_ID, locationType: 'physical', ...input } },
    field,
  ];
  const phone = (input: object, field: string, owner: object = pantry): BadInput => [ADD_PHONE_ID, { owner, input }, field];
  const schedule = (input: object, field: string, owner: object = pantry): BadInput => [ADD_SCHEDULE_ID, { owner, input }, field];
  const badInputs: BadInput[] = [
    service({ url: 'not a url' }, 'input.url'),
    service({ url: 'ftp://files.example' }, 'input.url'),
    service({ email: 'pantry.example' }, 'input.email'),
    service({ name: '  ' }, 'input.name'),
    service({ minimumAge: 30, maximumAge: 20 }, 'input.maximumAge'),
    service({ taxonomyTermIds: ['00000000-0000-4000-8000-000000000999'] }, 'input.taxonomyTermIds'),
    ['mutation($id: ID!) { setServiceStatus(id: $id, status: "closed") { id } }', { id: northsidePantry.id }, 'status'],
    ['mutation($id: ID!) { setServiceStatus(id: $id, status: "active") { id } }', { id: 'pantry' }, 'id'],
    location({ latitude: 95, longitude: 0 }, 'input.latitude'),
    location({ latitude: 45 }, 'input.longitude'),
    location({ locationType: 'building' }, 'input.locationType'),
    phone({ number: 'call us' }, 'input.number'),
    phone({ number: '902-555-0100', type: 'pigeon' }, 'input.type'),
    phone({ number: '902-555-0100' }, 'owner', { serviceId: northsidePantry.id, locationId: northsidePantry.id }),
    schedule({ opensAt: '17:00', closesAt: '09:00' }, 'input.closesAt'),
    schedule({ opensAt: '25:00' }, 'input.opensAt'),
    schedule({ byDay: 'Monday' }, 'input.byDay'),
    schedule({ freq: 'DAILY' }, 'input.freq'),
    schedule({ timezone: 'Mars/Olympus' }, 'input.timezone'),
    schedule({ validFrom: '2026-12-01', validTo: '2026-11-01' }, 'input.validTo'),
    schedule({ byDay: 'MO' }, 'owner.organizationId', { organizationId: NORTHSIDE_ID }),
  ];
  it.each(badInputs)('refuses bad input with BAD_USER_INPUT naming the field and writes nothing (%#)', async (query, variables, field) => {
    const before = await snapshot();
    const res = await run('pat', query, variables);
    expect({ field, codes: errorCodes(res) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await snapshot()).toEqual(before);
  });

  it('answers NOT_FOUND for an entry that does not exist, changing nothing', async () => {
    const before = await snapshot();
    const res = await run('admin', UPDATE_SERVICE, { id: '00000000-0000-4000-8000-000000000999', input: { name: 'Ghost' } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(await snapshot()).toEqual(before);
  });
});

describe("a partner's phones and hours of its places and organization", () => {
  const ADD_PHONE =
    'mutation($owner: DirectoryOwnerInput!, $input: PhoneInput!) { addPhone(owner: $owner, input: $input) { id number extension type description } }';
  const UPDATE_PHONE =
    'mutation($id: ID!, $input: PhoneInput!) { updatePhone(id: $id, input: $input) { id number extension type description } }';
  const phoneIds: string[] = [];

  it('adds phones to its own place and its organization, and changes one, each in metadata and audited', async () => {
    const pat = demoStaff('pat');
    for (const owner of [{ locationId: northsideLocation.id }, { organizationId: NORTHSIDE_ID }]) {
      const res = await run<{ addPhone: { id: string } }>('pat', ADD_PHONE, {
        owner,
        input: { number: '+1 902-555-0142', description: 'Front desk' },
      });
      expect(res.errors).toBeUndefined();
      phoneIds.push(res.data!.addPhone.id);
    }
    const rows = await db().query(
      'SELECT location_id, organization_id, number, type FROM resources.phone WHERE id = ANY($1) ORDER BY location_id NULLS LAST',
      [phoneIds],
    );
    expect(rows).toEqual([
      { location_id: northsideLocation.id, organization_id: null, number: '+1 902-555-0142', type: 'voice' },
      { location_id: null, organization_id: NORTHSIDE_ID, number: '+1 902-555-0142', type: 'voice' },
    ]);

    const changed = await run('pat', UPDATE_PHONE, { id: phoneIds[0], input: { number: '+1 902-555-0143', extension: '7', type: 'text' } });
    expect(changed.data).toEqual({
      updatePhone: { id: phoneIds[0], number: '+1 902-555-0143', extension: '7', type: 'text', description: null },
    });
    const history = (await metadataOf(phoneIds[0])).filter((m: { last_action_type: string }) => m.last_action_type === 'update');
    // HSDS metadata keeps a cleared value as the empty string.
    const fieldChanges = history.map((m: { field_name: string; previous_value: string; replacement_value: string }) => [
      m.field_name,
      m.previous_value,
      m.replacement_value,
    ]);
    expect(fieldChanges).toEqual([
      ['description', 'Front desk', ''],
      ['extension', '', '7'],
      ['number', '+1 902-555-0142', '+1 902-555-0143'],
      ['type', 'voice', 'text'],
    ]);
    const audit = await db().query(
      `SELECT action, entity_type, outcome, actor_id FROM resources.audit_event WHERE entity_id = $1 ORDER BY at, id`,
      [phoneIds[0]],
    );
    expect(audit).toEqual([
      { action: 'CREATE', entity_type: 'Phone', outcome: 'ALLOWED', actor_id: pat.id },
      { action: 'UPDATE', entity_type: 'Phone', outcome: 'ALLOWED', actor_id: pat.id },
    ]);
  });

  it('refuses bad phone input naming the field, changing nothing', async () => {
    const before = await snapshot();
    const res = await run('pat', UPDATE_PHONE, { id: phoneIds[0], input: { number: '12', extension: 'seven' } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toMatch(/^input\.(number|extension)$/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a partner changing, removing or adding to another organization's phones and hours, audits it and changes nothing", async () => {
    const [schedule] = await db().query('SELECT id FROM resources.schedule WHERE service_at_location_id = $1 LIMIT 1', [
      eastsideService.serviceAtLocationId,
    ]);
    const robins = await run<{ addPhone: { id: string } }>('robin', ADD_PHONE, {
      owner: { organizationId: EASTSIDE_ID },
      input: { number: '902-555-0177' },
    });
    expect(robins.errors).toBeUndefined();
    const added = robins.data!.addPhone;
    expect(schedule).toBeDefined();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [
        'mutation($id: ID!) { updateSchedule(id: $id, input: { byDay: "MO", opensAt: "09:00", closesAt: "10:00" }) { id } }',
        { id: schedule.id },
      ],
      ['mutation($id: ID!) { removeSchedule(id: $id) }', { id: schedule.id }],
      [UPDATE_PHONE, { id: added.id, input: { number: '902-555-0100' } }],
      ['mutation($id: ID!) { removePhone(id: $id) }', { id: added.id }],
      [ADD_PHONE, { owner: { locationId: eastsideLocation.id }, input: { number: '902-555-0100' } }],
      [ADD_PHONE, { owner: { organizationId: EASTSIDE_ID }, input: { number: '902-555-0100' } }],
      [
        'mutation($owner: DirectoryOwnerInput!) { addSchedule(owner: $owner, input: { byDay: "MO" }) { id } }',
        { owner: { locationId: eastsideLocation.id } },
      ],
    ];
    const denials = async () =>
      (
        await db().query(`SELECT count(*)::int AS n FROM resources.audit_event WHERE outcome = 'DENIED' AND actor_id = $1`, [
          demoStaff('pat').id,
        ])
      )[0].n as number;
    for (const [query, variables] of attempts) {
      const before = await snapshot();
      const denied = await denials();
      const res = await run('pat', query, variables);
      expect({ query, codes: errorCodes(res), data: res.data }).toEqual({ query, codes: ['FORBIDDEN'], data: null });
      expect(await snapshot()).toEqual(before);
      expect(await denials()).toBe(denied + 1);
    }
  });
});
