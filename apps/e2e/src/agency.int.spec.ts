import { EASTSIDE_ID, HARBOUR_ID } from '@caseflow/demo';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { errorCodes } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const ORGANIZATION = `query($id: ID!) { organization(id: $id) { id name timeZone } }`;
const SET = `mutation($org: ID!, $zone: String!) { setOrganizationTimeZone(organizationId: $org, timeZone: $zone) { id name timeZone } }`;

describe("the agency's time zone through the gateway", () => {
  it("joins the directory's Organization; the agency's supervisor sets it, others are refused and change nothing", async () => {
    const before = await stack.as<{ organization: unknown }>('pat', ORGANIZATION, { id: HARBOUR_ID });
    expect(before.data!.organization).toEqual({ id: HARBOUR_ID, name: 'Harbour Employment Services', timeZone: HARBOUR_TIME_ZONE });
    const eastside = await stack.as<{ organization: unknown }>('casey', ORGANIZATION, { id: EASTSIDE_ID });
    expect(eastside.data!.organization).toEqual({ id: EASTSIDE_ID, name: 'Eastside Housing Help', timeZone: null });

    const refusals = [
      ['casey', HARBOUR_ID, 'America/Vancouver', 'FORBIDDEN'],
      ['sam', EASTSIDE_ID, 'America/Vancouver', 'FORBIDDEN'],
      ['sam', HARBOUR_ID, 'PST', 'BAD_USER_INPUT'],
    ] as const;
    for (const [key, org, zone, code] of refusals) {
      const res = await stack.as(key, SET, { org, zone });
      expect({ key, codes: errorCodes(res) }).toEqual({ key, codes: [code] });
    }
    const zones = () => stack.sql('SELECT organization_id, time_zone FROM clients.organization_setting ORDER BY organization_id');
    expect(await zones()).toEqual([{ organization_id: HARBOUR_ID, time_zone: HARBOUR_TIME_ZONE }]);

    const set = await stack.as<{ setOrganizationTimeZone: unknown }>('sam', SET, { org: HARBOUR_ID, zone: 'America/Vancouver' });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setOrganizationTimeZone).toEqual({
      id: HARBOUR_ID,
      name: 'Harbour Employment Services',
      timeZone: 'America/Vancouver',
    });
    expect(await zones()).toEqual([{ organization_id: HARBOUR_ID, time_zone: 'America/Vancouver' }]);
  });
});
