/**
 * The record in depth through the case team: a current member reads and
 * changes the client's address, household and demographics and reads its
 * documents like the assigned case manager; once removed, every one of
 * those is refused and nothing changes.
 */
import { demoCaseTeam } from '@caseflow/clients-seed';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const ADD = `mutation($input: AddCaseTeamMemberInput!) { addCaseTeamMember(input: $input) { id } }`;
const REMOVE = `mutation($clientId: ID!, $staffMemberId: ID!) {
  removeCaseTeamMember(clientId: $clientId, staffMemberId: $staffMemberId, reason: "Cover ended.") { id }
}`;
const RECORD = `query($id: ID!) { client(id: $id) {
  id
  address { line1 city country latitude longitude noFixedAddress }
  household { firstName relationship dependent }
  demographics { languages interpreterNeeded }
  documents { id }
} }`;
const SET_ADDRESS = `mutation($id: ID!, $address: ClientAddressInput) { setClientAddress(clientId: $id, address: $address) { id } }`;
const SET_HOUSEHOLD = `mutation($id: ID!, $members: [HouseholdMemberInput!]!) { setHousehold(clientId: $id, members: $members) { id } }`;
const SET_DEMOGRAPHICS = `mutation($id: ID!, $input: DemographicsInput!) { setDemographics(clientId: $id, input: $input) { id } }`;

const address = { line1: '12 Quay Street', city: 'Harbour', country: 'CA', latitude: 44.65, longitude: -63.58 };

it('lets a current team member read and change the address, household and demographics, and refuses a removed one with nothing changed', async () => {
  const casey = tb.staff('casey').id;
  const jordan = tb.staff('jordan').id;
  const teamed = new Set(demoCaseTeam(tb.world).map((m) => m.clientId));
  const clientId = tb.world.clients.find((c) => c.caseManagerId === casey && c.status === 'ACTIVE' && !teamed.has(c.id))!.id;
  expect(errorCodes(await tb.as('jordan', SET_ADDRESS, { id: clientId, address }))).toEqual(['FORBIDDEN']);

  expect(
    (await tb.as('casey', ADD, { input: { clientId, staffMemberId: jordan, role: 'SECONDARY_CASE_MANAGER' } })).errors,
  ).toBeUndefined();
  for (const [query, variables] of [
    [SET_ADDRESS, { id: clientId, address }],
    [SET_HOUSEHOLD, { id: clientId, members: [{ firstName: 'Robin', relationship: 'CHILD', dependent: true }] }],
    [SET_DEMOGRAPHICS, { id: clientId, input: { languages: ['fr', 'en'], interpreterNeeded: false } }],
  ] as const) {
    expect((await tb.as('jordan', query, variables)).errors).toBeUndefined();
  }
  const expected = {
    id: clientId,
    address: { ...address, noFixedAddress: false },
    household: [{ firstName: 'Robin', relationship: 'CHILD', dependent: true }],
    demographics: { languages: ['fr', 'en'], interpreterNeeded: false },
    documents: expect.any(Array),
  };
  const asMember = await tb.as('jordan', RECORD, { id: clientId });
  expect(asMember.errors).toBeUndefined();
  expect(asMember.data).toEqual({ client: expected });

  expect((await tb.as('casey', REMOVE, { clientId, staffMemberId: jordan })).errors).toBeUndefined();
  expect(errorCodes(await tb.as('jordan', RECORD, { id: clientId }))).toEqual(['FORBIDDEN']);
  for (const [query, variables] of [
    [SET_ADDRESS, { id: clientId, address: { ...address, line1: '1 Other Road' } }],
    [SET_HOUSEHOLD, { id: clientId, members: [] }],
    [SET_DEMOGRAPHICS, { id: clientId, input: { languages: ['en'] } }],
  ] as const) {
    expect(errorCodes(await tb.as('jordan', query, variables))).toEqual(['FORBIDDEN']);
  }
  const asCaseManager = await tb.as('casey', RECORD, { id: clientId });
  expect(asCaseManager.data).toEqual({ client: expected });
});
