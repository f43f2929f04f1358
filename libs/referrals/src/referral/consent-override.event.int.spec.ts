/** `consent.override_used` is recorded with a supervisor's send without consent, and only then. */
import { HARBOUR_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`;
const SEND = `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { id status } }`;

let r: ReferralsTest;
const casey = demoStaff('casey');
testbedForSuite((t) => (r = t));

const caseys = () => r.world.clients.filter((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE');
const REASON = 'Client agreed by phone; the signed form follows';

async function draft(clientId: string): Promise<string> {
  const created = await r.as<{ createReferral: { id: string } }>('casey', CREATE, {
    input: {
      clientId,
      serviceId: r.pantry().id,
      need: 'Food security',
      necessaryRationale: 'Hunger is getting in the way of the job search.',
      appropriateRationale: 'The pantry is a short walk from home.',
    },
  });
  return created.data!.createReferral.id;
}

const overrides = (referralId: string) =>
  r.query(
    `SELECT type, aggregate_type, organization_id, payload FROM referrals.outbox_event
      WHERE type = 'consent.override_used' AND aggregate_id = $1`,
    [referralId],
  );

describe('consent.override_used', () => {
  it("is recorded with a supervisor's send without a consent, naming the referral and the supervisor, not the reason", async () => {
    const client = caseys()[5];
    const id = await draft(client.id);
    // A case manager may not override: refused, nothing recorded.
    expect(errorCodes(await r.as('casey', SEND, { id, why: REASON }))).toEqual(['FORBIDDEN']);
    expect(await overrides(id)).toEqual([]);

    expect((await r.as('sam', SEND, { id, why: REASON })).errors).toBeUndefined();
    const events = await overrides(id);
    expect(events).toEqual([
      {
        type: 'consent.override_used',
        aggregate_type: 'Referral',
        organization_id: HARBOUR_ID,
        payload: { clientId: client.id, organizationId: HARBOUR_ID, referralId: id, byStaffId: demoStaff('sam').id },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('phone');
  });

  it('is not recorded for a send under a consent', async () => {
    const client = caseys()[6];
    const id = await draft(client.id);
    r.consent(client.id, NORTHSIDE_ID);
    expect((await r.as('casey', SEND, { id })).errors).toBeUndefined();
    expect(await overrides(id)).toEqual([]);
  });
});
