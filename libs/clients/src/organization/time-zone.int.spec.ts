import { randomUUID } from 'node:crypto';
import { localDay } from '@caseflow/core';
import { EASTSIDE_ID, HARBOUR_ID } from '@caseflow/demo';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { errorCodes, internalHeaders, postGraphQL } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';
import { organizationTimeZones } from './time-zone';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const SET = `mutation($org: ID!, $zone: String!) { setOrganizationTimeZone(organizationId: $org, timeZone: $zone) { id timeZone } }`;
const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) { intakeDate } }`;
const ZONE_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id timeZone } } }`;

const setting = () => tb.sql('SELECT organization_id, time_zone, updated_by FROM clients.organization_setting ORDER BY organization_id');
const events = () =>
  tb.sql(`SELECT type, aggregate_type, aggregate_id, organization_id, payload FROM clients.outbox_event
          WHERE type = 'organization.time_zone_set' ORDER BY position`);
const audits = (outcome: string) =>
  tb.count('audit_event', `entity_type = 'Organization' AND outcome = $1 AND detail = 'timeZone'`, [outcome]);

/** A refusal: the code (and field), no data, and nothing stored, announced or audited as a change. */
async function refused(key: StaffKey, org: string, zone: string, code: string, field?: string) {
  const [before, announced, changes] = [await setting(), await events(), await audits('ALLOWED')];
  const res = await tb.as(key, SET, { org, zone });
  expect(errorCodes(res)).toEqual([code]);
  if (field) expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.data).toBeNull();
  expect(await setting()).toEqual(before);
  expect(await events()).toEqual(announced);
  expect(await audits('ALLOWED')).toBe(changes);
}

describe("the agency's time zone", () => {
  it("is the demo's zone for Harbour, null for an agency that set none; a supervisor sets it, audited and announced with the change", async () => {
    const entities = await tb.as<{ _entities: unknown[] }>('casey', ZONE_OF, {
      r: [
        { __typename: 'Organization', id: HARBOUR_ID },
        { __typename: 'Organization', id: EASTSIDE_ID },
      ],
    });
    expect(entities.data!._entities).toEqual([
      { id: HARBOUR_ID, timeZone: HARBOUR_TIME_ZONE },
      { id: EASTSIDE_ID, timeZone: null },
    ]);

    const res = await tb.as<{ setOrganizationTimeZone: unknown }>('sam', SET, { org: HARBOUR_ID, zone: 'America/Toronto' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setOrganizationTimeZone).toEqual({ id: HARBOUR_ID, timeZone: 'America/Toronto' });
    expect(await setting()).toEqual([{ organization_id: HARBOUR_ID, time_zone: 'America/Toronto', updated_by: tb.staff('sam').id }]);
    expect(await audits('ALLOWED')).toBe(1);

    const admin = await tb.as<{ setOrganizationTimeZone: unknown }>('admin', SET, {
      org: HARBOUR_ID.toUpperCase(),
      zone: ' America/Vancouver ',
    });
    expect(admin.data!.setOrganizationTimeZone).toEqual({ id: HARBOUR_ID, timeZone: 'America/Vancouver' });
    expect(await events()).toEqual(
      ['America/Toronto', 'America/Vancouver'].map((timeZone) => ({
        type: 'organization.time_zone_set',
        aggregate_type: 'Organization',
        aggregate_id: HARBOUR_ID,
        organization_id: HARBOUR_ID,
        payload: { organizationId: HARBOUR_ID, timeZone },
      })),
    );

    // Any signed-in person reads it, partners too, through the Organization they meet (a consent's recipient, a colleague's agency).
    const read = await tb.as<{ _entities: unknown[] }>('pat', ZONE_OF, {
      r: [
        { __typename: 'Organization', id: HARBOUR_ID },
        { __typename: 'Organization', id: EASTSIDE_ID },
      ],
    });
    expect(read.data!._entities).toEqual([
      { id: HARBOUR_ID, timeZone: 'America/Vancouver' },
      { id: EASTSIDE_ID, timeZone: null },
    ]);
    const me = await tb.as<{ me: { organization: unknown } }>('jordan', '{ me { organization { id timeZone } } }');
    expect(me.data!.me.organization).toEqual({ id: HARBOUR_ID, timeZone: 'America/Vancouver' });
    expect(await organizationTimeZones(tb.t.subgraph.database.dataSource, [HARBOUR_ID, EASTSIDE_ID])).toEqual(
      new Map([
        [HARBOUR_ID, 'America/Vancouver'],
        [EASTSIDE_ID, 'UTC'],
      ]),
    );
  });

  it("refuses case managers, partners, analysts and another agency's supervisors, auditing the denial", async () => {
    const denials = await audits('DENIED');
    await refused('casey', HARBOUR_ID, 'Europe/Paris', 'FORBIDDEN');
    await refused('alex', HARBOUR_ID, 'Europe/Paris', 'FORBIDDEN');
    await refused('pat', HARBOUR_ID, 'Europe/Paris', 'FORBIDDEN');
    await refused('sam', EASTSIDE_ID, 'Europe/Paris', 'FORBIDDEN');
    await refused('admin', EASTSIDE_ID, 'Europe/Paris', 'FORBIDDEN');
    expect(await audits('DENIED')).toBe(denials + 5);
  });

  it('takes IANA names only: offsets, abbreviations and unknown places are BAD_USER_INPUT naming timeZone', async () => {
    for (const zone of ['PST', 'UTC+2', 'GMT-5', 'Mars/Olympus', '', '   ', 'America/Vancouver; DROP TABLE x', 'x'.repeat(300)]) {
      await refused('sam', HARBOUR_ID, zone, 'BAD_USER_INPUT', 'timeZone');
    }
    await refused('sam', 'not-an-id', 'Europe/Paris', 'BAD_USER_INPUT', 'organizationId');
  });

  it('is NOT_FOUND for an agency the directory does not know', async () => {
    const unknown = randomUUID();
    const admin = tb.staff('admin');
    const res = await postGraphQL(
      tb.t.url,
      SET,
      { org: unknown, zone: 'Europe/Paris' },
      internalHeaders({ staffId: admin.id, role: admin.role, organizationId: unknown }, tb.t.secret),
    );
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(await tb.count('organization_setting', 'organization_id = $1', [unknown])).toBe(0);
  });

  it("dates a new client's intake in the agency's time zone", async () => {
    // Kiritimati (UTC+14, no daylight saving time) is a calendar day ahead of UTC from 10:00 UTC on.
    await tb.sql('UPDATE clients.organization_setting SET time_zone = $1 WHERE organization_id = $2', ['Pacific/Kiritimati', HARBOUR_ID]);
    const before = new Date();
    const res = await tb.as<{ openClient: { intakeDate: string } }>('casey', OPEN, { input: { firstName: 'Tala', lastName: 'Moana' } });
    const after = new Date();
    expect(res.errors).toBeUndefined();
    // Either side of a midnight the request may have straddled.
    expect([localDay(before, 'Pacific/Kiritimati'), localDay(after, 'Pacific/Kiritimati')]).toContain(res.data!.openClient.intakeDate);
  });
});
