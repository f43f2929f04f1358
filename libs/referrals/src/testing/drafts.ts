/** Draft referrals for the tests that move them on. */
import type { ReferralsTest } from './testbed';

const CREATE = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`;

/** Casey drafts a referral of `clientId` (one of her clients) to the pantry; its id. */
export async function draftReferral(r: ReferralsTest, clientId: string): Promise<string> {
  const res = await r.as<{ createReferral: { id: string } }>('casey', CREATE, {
    input: {
      clientId,
      serviceId: r.pantry().id,
      need: 'Food security',
      necessaryRationale: 'Hunger blocks the job search.',
      appropriateRationale: 'Close by, has capacity.',
    },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.createReferral.id;
}
