/**
 * A client's address, household and demographics: who may read and write
 * each (case manager, supervisor, another case manager, partners with and
 * without CONTACT_INFO, analyst, admin), what each change stores and audits,
 * and that bad input is refused by field with nothing changed.
 */
import { EASTSIDE_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const PROFILE = `query($id: ID!) { client(id: $id) {
  address { line1 line2 city region postalCode country latitude longitude noFixedAddress }
  household { id firstName lastName relationship dateOfBirth dependent }
  demographics { genderIdentity pronouns languages interpreterNeeded education } } }`;
const SET_ADDRESS = `mutation($id: ID!, $address: ClientAddressInput) { setClientAddress(clientId: $id, address: $address) {
  id address { line1 city country latitude longitude noFixedAddress } } }`;
const SET_HOUSEHOLD = `mutation($id: ID!, $members: [HouseholdMemberInput!]!) { setHousehold(clientId: $id, members: $members) {
  id household { id firstName lastName relationship dateOfBirth dependent } } }`;
const SET_DEMOGRAPHICS = `mutation($id: ID!, $input: DemographicsInput!) { setDemographics(clientId: $id, input: $input) {
  id demographics { genderIdentity pronouns languages interpreterNeeded education } } }`;
const RECORD_CONSENT = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;

type Address = { line1: string; city: string; country: string; latitude: number | null; longitude: number | null };
type Member = {
  id: string;
  firstName: string;
  lastName: string | null;
  relationship: string;
  dateOfBirth: string | null;
  dependent: boolean;
};
type Profile = {
  client: { address: Address | null; household: Member[]; demographics: Record<string, unknown> | null } | null;
};

const HOME = {
  line1: '12 Quinpool Road',
  line2: 'Apt 3',
  city: 'Halifax',
  region: 'NS',
  postalCode: 'B3L 1A1',
  country: 'ca',
  latitude: 44.6434,
  longitude: -63.5951,
};

/** The agency's today, and a day `n` days from it: birth dates are checked against Harbour's day. */
const harbourDay = (n: number) => addDays(localDay(new Date(), HARBOUR_TIME_ZONE), n);

const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) { id } }`;
/** A fresh client of Casey's (in intake) for each test, so that no test sees another's profile. */
let opened = 0;
const caseysClient = async () => {
  const res = await tb.as<{ openClient: { id: string } }>('casey', OPEN, {
    input: { firstName: 'Profile', lastName: `Client ${++opened}` },
  });
  return res.data!.openClient.id;
};

const auditMark = async () => Number((await tb.sql<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM clients.audit_event'))[0].id);
const auditOf = (clientId: string, mark: number) =>
  tb.sql<{ action: string; entity_type: string; outcome: string; detail: string | null }>(
    'SELECT action, entity_type, outcome, detail FROM clients.audit_event WHERE client_id = $1 AND id > $2 ORDER BY id',
    [clientId, mark],
  );
const profileRows = async (clientId: string) => ({
  address: await tb.sql('SELECT * FROM clients.client_address WHERE client_id = $1', [clientId]),
  demographics: await tb.sql('SELECT * FROM clients.client_demographics WHERE client_id = $1', [clientId]),
  household: await tb.sql('SELECT * FROM clients.household_member WHERE client_id = $1 ORDER BY id', [clientId]),
  client: await tb.sql('SELECT updated_at FROM clients.client WHERE id = $1', [clientId]),
});

describe('the address', () => {
  it("is set by the client's case manager, read back with its point, audited, and the client marked changed", async () => {
    const id = await caseysClient();
    const before = await profileRows(id);
    const mark = await auditMark();
    const set = await tb.as<{ setClientAddress: { address: Address } }>('casey', SET_ADDRESS, { id, address: HOME });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setClientAddress.address).toEqual({
      line1: '12 Quinpool Road',
      city: 'Halifax',
      country: 'CA',
      latitude: 44.6434,
      longitude: -63.5951,
      noFixedAddress: false,
    });
    expect(await auditOf(id, mark)).toContainEqual({ action: 'UPDATE', entity_type: 'ClientAddress', outcome: 'ALLOWED', detail: 'set' });
    const after = await profileRows(id);
    expect((after.client[0] as { updated_at: Date }).updated_at.getTime()).toBeGreaterThan(
      (before.client[0] as { updated_at: Date }).updated_at.getTime(),
    );

    const readMark = await auditMark();
    const read = await tb.as<Profile>('casey', PROFILE, { id });
    expect(read.data!.client!.address).toMatchObject({ line2: 'Apt 3', region: 'NS', postalCode: 'B3L 1A1', latitude: 44.6434 });
    expect(await auditOf(id, readMark)).toContainEqual({ action: 'READ', entity_type: 'ClientAddress', outcome: 'ALLOWED', detail: null });
  });

  it('takes no fixed address with lines saying where to reach the client, and null clears it', async () => {
    const id = await caseysClient();
    const shelter = { line1: 'Care of Metro Turning Point shelter', city: 'Halifax', country: 'CA', noFixedAddress: true };
    const set = await tb.as<{ setClientAddress: { address: Address } }>('sam', SET_ADDRESS, { id, address: shelter });
    expect(set.data!.setClientAddress.address).toMatchObject({ noFixedAddress: true, latitude: null, longitude: null });
    const cleared = await tb.as<{ setClientAddress: { address: Address | null } }>('casey', SET_ADDRESS, { id, address: null });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.setClientAddress.address).toBeNull();
    expect(await tb.count('client_address', 'client_id = $1 AND line1 IS NULL AND latitude IS NULL', [id])).toBe(1);
  });

  it.each([
    [{ ...HOME, line1: '   ' }, 'address.line1'],
    [{ ...HOME, line2: 'x'.repeat(201) }, 'address.line2'],
    [{ ...HOME, city: '' }, 'address.city'],
    [{ ...HOME, region: 'x'.repeat(101) }, 'address.region'],
    [{ ...HOME, postalCode: 'x'.repeat(21) }, 'address.postalCode'],
    [{ ...HOME, country: 'Canada' }, 'address.country'],
    [{ ...HOME, country: 'XX' }, 'address.country'],
    [{ ...HOME, latitude: 91 }, 'address.latitude'],
    [{ ...HOME, longitude: -180.5 }, 'address.longitude'],
    [{ ...HOME, longitude: null }, 'address.longitude'],
    [{ ...HOME, latitude: null }, 'address.latitude'],
  ])('refuses %j naming %s, and changes nothing', async (address, field) => {
    const id = await caseysClient();
    await tb.as('casey', SET_ADDRESS, { id, address: { ...HOME, line1: 'The address before' } });
    const before = await profileRows(id);
    const res = await tb.as('casey', SET_ADDRESS, { id, address });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await profileRows(id)).toEqual(before);
  });
});

const long = (n: number) => 'x'.repeat(n);
const thirtyOne = Array.from({ length: 31 }, () => ({ firstName: 'A', relationship: 'OTHER' }));
const eleven = Array.from({ length: 11 }, (_, i) => `x-l${i}`);

describe('the household', () => {
  it('is replaced by the list: members with an id updated, new ones added, the others removed with their history kept', async () => {
    const id = await caseysClient();
    const first = await tb.as<{ setHousehold: { household: Member[] } }>('casey', SET_HOUSEHOLD, {
      id,
      members: [
        { firstName: 'Mira', lastName: 'Doucet', relationship: 'CHILD', dateOfBirth: harbourDay(-2000), dependent: true },
        { firstName: 'Theo', relationship: 'PARTNER' },
      ],
    });
    expect(first.errors).toBeUndefined();
    const [mira, theo] = first.data!.setHousehold.household;
    expect(mira).toMatchObject({ firstName: 'Mira', relationship: 'CHILD', dateOfBirth: harbourDay(-2000), dependent: true });
    expect(theo).toMatchObject({ firstName: 'Theo', lastName: null, dependent: false });

    const mark = await auditMark();
    const second = await tb.as<{ setHousehold: { household: Member[] } }>('casey', SET_HOUSEHOLD, {
      id,
      members: [
        { firstName: 'Ana', relationship: 'PARENT' },
        { id: mira.id, firstName: 'Mira', lastName: 'Doucet', relationship: 'CHILD', dateOfBirth: harbourDay(-2000), dependent: false },
      ],
    });
    expect(second.errors).toBeUndefined();
    const household = second.data!.setHousehold.household;
    expect(household.map((m) => [m.firstName, m.dependent])).toEqual([
      ['Ana', false],
      ['Mira', false],
    ]);
    expect(household[1].id).toBe(mira.id);
    const removed = await tb.sql<{ first_name: string; removed_by: string }>(
      'SELECT first_name, removed_by FROM clients.household_member WHERE client_id = $1 AND removed_at IS NOT NULL',
      [id],
    );
    expect(removed).toEqual([{ first_name: 'Theo', removed_by: tb.staff('casey').id }]);
    expect((await auditOf(id, mark)).filter((e) => e.entity_type === 'HouseholdMember' && e.action !== 'READ')).toEqual([
      { action: 'CREATE', entity_type: 'HouseholdMember', outcome: 'ALLOWED', detail: null },
      { action: 'UPDATE', entity_type: 'HouseholdMember', outcome: 'ALLOWED', detail: null },
      { action: 'UPDATE', entity_type: 'HouseholdMember', outcome: 'ALLOWED', detail: 'removed' },
    ]);

    const read = await tb.as<Profile>('casey', PROFILE, { id });
    expect(read.data!.client!.household.map((m) => m.firstName)).toEqual(['Ana', 'Mira']);
    const emptied = await tb.as<{ setHousehold: { household: Member[] } }>('sam', SET_HOUSEHOLD, { id, members: [] });
    expect(emptied.data!.setHousehold.household).toEqual([]);
    expect(await tb.count('household_member', 'client_id = $1', [id])).toBe(3);
  });

  it('answers each of two changes in one request with the household as that change left it', async () => {
    const id = await caseysClient();
    const twice = `mutation($id: ID!) {
      first: setHousehold(clientId: $id, members: [{ firstName: "Ana", relationship: PARENT }]) { household { firstName } }
      second: setHousehold(clientId: $id, members: []) { household { firstName } }
    }`;
    const res = await tb.as<{ first: { household: unknown[] }; second: { household: unknown[] } }>('casey', twice, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ first: { household: [{ firstName: 'Ana' }] }, second: { household: [] } });
  });

  it("refuses a member id of another client's household, naming members[i].id, and changes nothing", async () => {
    const [id, other] = [await caseysClient(), await caseysClient()];
    const theirs = await tb.as<{ setHousehold: { household: Member[] } }>('casey', SET_HOUSEHOLD, {
      id: other,
      members: [{ firstName: 'Lou', relationship: 'SIBLING' }],
    });
    await tb.as('casey', SET_HOUSEHOLD, { id, members: [{ firstName: 'Kim', relationship: 'OTHER' }] });
    const before = [await profileRows(id), await profileRows(other)];
    const res = await tb.as('casey', SET_HOUSEHOLD, {
      id,
      members: [
        { firstName: 'New', relationship: 'OTHER' },
        { id: theirs.data!.setHousehold.household[0].id, firstName: 'Lou', relationship: 'SIBLING' },
      ],
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe('members[1].id');
    expect([await profileRows(id), await profileRows(other)]).toEqual(before);
  });

  it.each(
    [
      [[{ firstName: ' ', relationship: 'CHILD' }], 'members[0].firstName'],
      [
        [
          { firstName: 'A', relationship: 'CHILD' },
          { firstName: 'B', lastName: 'x'.repeat(101), relationship: 'CHILD' },
        ],
        'members[1].lastName',
      ],
      [[{ firstName: 'A', relationship: 'CHILD', dateOfBirth: harbourDay(0) }], 'members[0].dateOfBirth'],
      [[{ firstName: 'A', relationship: 'CHILD', dateOfBirth: harbourDay(30) }], 'members[0].dateOfBirth'],
      [[{ firstName: 'A', relationship: 'CHILD', dateOfBirth: '2001-02-30' }], 'members[0].dateOfBirth'],
      [[{ id: 'not-an-id', firstName: 'A', relationship: 'CHILD' }], 'members[0].id'],
      [thirtyOne, 'members'],
    ].map(([members, field]) => [field, members] as [string, unknown]),
  )('refuses a bad %s, and changes nothing', async (field, members) => {
    const id = await caseysClient();
    await tb.as('casey', SET_HOUSEHOLD, { id, members: [{ firstName: 'Kept', relationship: 'PARENT' }] });
    const before = await profileRows(id);
    const res = await tb.as('casey', SET_HOUSEHOLD, { id, members });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await profileRows(id)).toEqual(before);
  });
});

describe('the demographics', () => {
  it('are null until set, then change only in the fields given (null clears), with languages as canonical BCP 47 tags', async () => {
    const id = await caseysClient();
    expect((await tb.as<Profile>('casey', PROFILE, { id })).data!.client!.demographics).toBeNull();
    const mark = await auditMark();
    const first = await tb.as<{ setDemographics: { demographics: unknown } }>('casey', SET_DEMOGRAPHICS, {
      id,
      input: { genderIdentity: 'Woman', pronouns: 'she/her', languages: ['fr-ca', 'en', 'FR-CA'], interpreterNeeded: true },
    });
    expect(first.data!.setDemographics.demographics).toEqual({
      genderIdentity: 'Woman',
      pronouns: 'she/her',
      languages: ['fr-CA', 'en'],
      interpreterNeeded: true,
      education: null,
    });
    expect(await auditOf(id, mark)).toContainEqual({
      action: 'UPDATE',
      entity_type: 'Demographics',
      outcome: 'ALLOWED',
      detail: 'genderIdentity,interpreterNeeded,languages,pronouns',
    });
    const second = await tb.as<{ setDemographics: { demographics: unknown } }>('sam', SET_DEMOGRAPHICS, {
      id,
      input: { education: 'High school diploma', pronouns: null },
    });
    expect(second.data!.setDemographics.demographics).toEqual({
      genderIdentity: 'Woman',
      pronouns: null,
      languages: ['fr-CA', 'en'],
      interpreterNeeded: true,
      education: 'High school diploma',
    });
  });

  it.each(
    [
      [{ languages: ['en', 'not a tag!'] }, 'input.languages[1]'],
      [{ languages: eleven }, 'input.languages'],
      [{ genderIdentity: long(101) }, 'input.genderIdentity'],
      [{ pronouns: long(51) }, 'input.pronouns'],
      [{ education: long(201) }, 'input.education'],
    ].map(([input, field]) => [field, input] as [string, unknown]),
  )('refuses a bad %s, and changes nothing', async (field, input) => {
    const id = await caseysClient();
    await tb.as('casey', SET_DEMOGRAPHICS, { id, input: { languages: ['ar'] } });
    const before = await profileRows(id);
    const res = await tb.as('casey', SET_DEMOGRAPHICS, { id, input });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await profileRows(id)).toEqual(before);
  });
});

describe('who may change the profile', () => {
  const changes: Array<[string, string, Record<string, unknown>]> = [
    ['setClientAddress', SET_ADDRESS, { address: HOME }],
    ['setHousehold', SET_HOUSEHOLD, { members: [{ firstName: 'Mira', relationship: 'CHILD' }] }],
    ['setDemographics', SET_DEMOGRAPHICS, { input: { languages: ['fr'] } }],
  ];
  it.each(['jordan', 'pat', 'robin', 'alex', 'admin'] as StaffKey[])(
    "refuses %s (not the client's case manager nor a supervisor of the agency): FORBIDDEN, nothing changed",
    async (who) => {
      const id = await caseysClient();
      const before = await profileRows(id);
      const denials = await tb.count('audit_event', `outcome = 'DENIED' AND client_id = $1`, [id]);
      for (const [name, mutation, variables] of changes) {
        const res = await tb.as(who, mutation, { id, ...variables });
        expect({ name, codes: errorCodes(res), data: res.data }).toEqual({ name, codes: ['FORBIDDEN'], data: null });
      }
      expect(await profileRows(id)).toEqual(before);
      expect(await tb.count('audit_event', `outcome = 'DENIED' AND client_id = $1`, [id])).toBe(denials + 3);
    },
  );

  it('answers NOT_FOUND for a client that does not exist', async () => {
    const res = await tb.as('sam', SET_DEMOGRAPHICS, { id: '00000000-0000-4000-8000-00000000abcd', input: { languages: ['fr'] } });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});

describe("a partner's view of the profile", () => {
  it('shows the address without its point under CONTACT_INFO, never the household or demographics, and nothing without CONTACT_INFO', async () => {
    const id = await caseysClient();
    await tb.as('casey', SET_ADDRESS, { id, address: HOME });
    await tb.as('casey', SET_HOUSEHOLD, { id, members: [{ firstName: 'Mira', relationship: 'CHILD', dependent: true }] });
    await tb.as('casey', SET_DEMOGRAPHICS, { id, input: { languages: ['fr'], genderIdentity: 'Woman' } });
    const consent = (recipientOrganizationId: string, scope: string[]) =>
      tb.as('casey', RECORD_CONSENT, {
        input: { clientId: id, recipientOrganizationId, scope, purpose: 'Referral', signedAt: new Date(Date.now() - 60_000).toISOString() },
      });
    expect((await consent(NORTHSIDE_ID, ['CONTACT_INFO', 'REFERRAL_DETAILS'])).errors).toBeUndefined();
    expect((await consent(EASTSIDE_ID, ['REFERRAL_DETAILS'])).errors).toBeUndefined();

    const pat = await tb.as<Profile>('pat', PROFILE, { id });
    expect(pat.errors).toBeUndefined();
    expect(pat.data!.client).toEqual({
      address: {
        line1: '12 Quinpool Road',
        line2: 'Apt 3',
        city: 'Halifax',
        region: 'NS',
        postalCode: 'B3L 1A1',
        country: 'CA',
        latitude: null,
        longitude: null,
        noFixedAddress: false,
      },
      household: [],
      demographics: null,
    });
    expect(JSON.stringify(pat)).not.toMatch(/44\.64|63\.59|Mira|Woman/);

    // Without CONTACT_INFO a partner does not see the client at all (client.queries.ts), so nothing of the profile either.
    const robin = await tb.as<Profile>('robin', PROFILE, { id });
    expect(errorCodes(robin)).toEqual(['FORBIDDEN']);
    expect(robin.data).toEqual({ client: null });
  });

  it.each(['alex', 'admin'] as StaffKey[])('gives %s nothing of the client', async (who) => {
    const res = await tb.as<Profile>(who, PROFILE, { id: await caseysClient() });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toEqual({ client: null });
  });
});

describe('intake', () => {
  const INTAKE = `mutation($input: OpenClientInput!) { openClient(input: $input) { id
    address { line1 country latitude } household { firstName dependent } demographics { languages interpreterNeeded } } }`;

  it('records the address, household and demographics with the client, in one step, audited as the changes are', async () => {
    const res = await tb.as<{ openClient: { id: string } & NonNullable<Profile['client']> }>('casey', INTAKE, {
      input: {
        firstName: 'Intake',
        lastName: 'Profile',
        address: HOME,
        household: [{ firstName: 'Mira', relationship: 'CHILD', dateOfBirth: harbourDay(-1500), dependent: true }],
        demographics: { languages: ['ar', 'en'], interpreterNeeded: true },
      },
    });
    expect(res.errors).toBeUndefined();
    const { id, ...profile } = res.data!.openClient;
    expect(profile).toEqual({
      address: { line1: '12 Quinpool Road', country: 'CA', latitude: 44.6434 },
      household: [{ firstName: 'Mira', dependent: true }],
      demographics: { languages: ['ar', 'en'], interpreterNeeded: true },
    });
    expect((await auditOf(id, 0)).filter((e) => e.action !== 'READ').map((e) => e.entity_type)).toEqual([
      'Client',
      'ClientAddress',
      'HouseholdMember',
      'Demographics',
    ]);
  });

  it.each(
    [
      [{ address: { ...HOME, country: 'Atlantis' } }, 'input.address.country'],
      [{ household: [{ firstName: 'Mira', relationship: 'CHILD', dateOfBirth: harbourDay(1) }] }, 'input.household[0].dateOfBirth'],
      [{ demographics: { languages: ['??'] } }, 'input.demographics.languages[0]'],
    ].map(([input, field]) => [field, input] as [string, Record<string, unknown>]),
  )('refuses a bad %s: no client opened, nothing recorded', async (field, input) => {
    const counts = async () => [await tb.count('client'), await tb.count('client_address'), await tb.count('household_member')];
    const before = await counts();
    const res = await tb.as('casey', OPEN, { input: { firstName: 'Intake', lastName: 'Refused', ...input } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await counts()).toEqual(before);
  });
});

describe('the demo', () => {
  it("gives Casey's clients addresses around the city (some with no fixed address), households with dependants, and languages", async () => {
    const ids = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status !== 'CLOSED').map((c) => c.id);
    const profiles = await Promise.all(ids.map(async (id) => (await tb.as<Profile>('casey', PROFILE, { id })).data!.client!));
    const addresses = profiles.map((p) => p.address!);
    expect(addresses.every((a) => a !== null && a.city === 'Halifax' && a.country === 'CA')).toBe(true);
    expect(addresses.some((a) => (a as unknown as { noFixedAddress: boolean }).noFixedAddress && a.latitude === null)).toBe(true);
    const located = addresses.filter((a) => a.latitude !== null);
    expect(located.every((a) => Math.abs(a.latitude! - 44.6488) < 0.05 && Math.abs(a.longitude! + 63.5752) < 0.08)).toBe(true);
    expect(profiles.some((p) => p.household.some((m) => m.dependent && m.relationship === 'CHILD' && m.dateOfBirth! < harbourDay(0)))).toBe(
      true,
    );
    expect(profiles.some((p) => ((p.demographics?.languages as string[] | undefined) ?? []).length > 1)).toBe(true);
  });
});
