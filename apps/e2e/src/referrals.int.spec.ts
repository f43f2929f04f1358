import { EASTSIDE_ID, NORTHSIDE_ID, demoId, type DemoReferral } from '@caseflow/demo';
import { demoReferrals } from '@caseflow/referrals-seed';
import { errorCodes, months } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, type TestStack } from './harness';

interface FindService {
  searchServices: {
    totalCount: number;
    edges: Array<{
      node: { distanceKm: number | null; service: { id: string; name: string; organization: { id: string; name: string } } };
    }>;
  };
}
interface Sent {
  sendReferral: { id: string; status: string; sentAt: string; history: Array<{ status: string; at: string }> };
}
interface Inbox {
  me: { id: string; organization: { id: string; name: string } };
  incomingReferrals: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        status: string;
        urgency: string;
        need: string;
        sentAt: string;
        respondBy: string;
        service: { id: string; name: string };
        client: { id: string; displayName: string } | null;
      };
    }>;
  };
}
interface Accepted {
  respondToReferral: { id: string; status: string; history: Array<{ status: string; actor: { displayName: string } | null }> };
}

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const DAY = 86_400_000;
const pantry = () => stack.world.services.find((s) => s.name === 'Weekly Food Pantry')!;
const housing = () => stack.world.services.find((s) => s.name === 'Housing Search Support')!;
/** A world referral of casey's whose consent (seeded by the clients subgraph, by position) is active, expired or revoked. */
const caseysReferralWith = (kind: 'active' | 'expired' | 'revoked', organizationId: string): DemoReferral => {
  const found = stack.world.referrals.find((r, i) => {
    const consent = i % 6 === 4 ? 'expired' : i % 6 === 5 ? 'revoked' : 'active';
    return consent === kind && r.referredById === stack.staff('casey').id && r.organizationId === organizationId;
  });
  if (!found) throw new Error(`the demo world has no referral of casey's to ${organizationId} with a ${kind} consent`);
  return found;
};
const input = (clientId: string, serviceId: string, clientMutationId: string) => ({
  clientId,
  serviceId,
  need: 'Food security: not enough food at home',
  necessaryRationale: 'Hunger is getting in the way of the job search.',
  appropriateRationale: 'The pantry is close to home and has capacity this month.',
  urgency: 'SOON',
  clientMutationId,
});
const HISTORY = `query($id: ID!) { referral(id: $id) { status history { status actor { displayName } note } } }`;

async function createAs(key: 'casey' | 'sam', clientId: string, serviceId: string, key2: string): Promise<string> {
  const res = await stack.as<{ createReferral: { id: string; status: string } }>(key, operation('refer', 'CreateReferral'), {
    input: input(clientId, serviceId, key2),
  });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createReferral.status).toBe('DRAFT');
  return res.data!.createReferral.id;
}

describe('the referral loop of the contract, through the gateway', () => {
  it('casey finds the food pantry near the client with FindService', async () => {
    const location = stack.world.locations.find((l) => l.id === pantry().locationId)!;
    const found = await stack.as<FindService>('casey', operation('refer', 'FindService'), {
      input: { text: 'food pantry', near: { latitude: location.latitude, longitude: location.longitude }, radiusKm: 5 },
    });
    expect(found.errors).toBeUndefined();
    const hit = found.data!.searchServices.edges.find((e) => e.node.service.id === pantry().id);
    expect(hit?.node.service).toEqual({
      id: pantry().id,
      name: 'Weekly Food Pantry',
      organization: { id: NORTHSIDE_ID, name: 'Northside Food Bank' },
    });
  });

  it('casey creates and sends a referral; pat sees it in the inbox and accepts it; robin neither sees nor answers it', async () => {
    const client = stack.world.clients.find((c) => c.id === caseysReferralWith('active', NORTHSIDE_ID).clientId)!;
    const id = await createAs('casey', client.id, pantry().id, 'e2e-refer-1');
    const retried = await stack.as<{ createReferral: { id: string } }>('casey', operation('refer', 'CreateReferral'), {
      input: input(client.id, pantry().id, 'e2e-refer-1'),
    });
    expect(retried.data!.createReferral.id).toBe(id);

    const sent = await stack.as<Sent>('casey', operation('refer', 'SendReferral'), { id });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendReferral).toMatchObject({
      id,
      status: 'SENT',
      history: [{ status: 'DRAFT' }, { status: 'SENT', at: sent.data!.sendReferral.sentAt }],
    });

    const inbox = await stack.as<Inbox>('pat', operation('partner-inbox', 'PartnerInbox'));
    expect(inbox.errors).toBeUndefined();
    expect(inbox.data!.me.organization).toEqual({ id: NORTHSIDE_ID, name: 'Northside Food Bank' });
    expect(inbox.data!.incomingReferrals.edges[0].node).toEqual({
      id,
      status: 'SENT',
      urgency: 'SOON',
      need: 'Food security: not enough food at home',
      sentAt: sent.data!.sendReferral.sentAt,
      respondBy: new Date(Date.parse(sent.data!.sendReferral.sentAt) + 14 * DAY).toISOString(),
      service: { id: pantry().id, name: 'Weekly Food Pantry' },
      client: { id: client.id, displayName: `${client.preferredName ?? client.firstName} ${client.lastName}` },
    });
    const sentToNorthside = demoReferrals(stack.world).filter((r) => r.organizationId === NORTHSIDE_ID && r.status === 'SENT');
    expect(inbox.data!.incomingReferrals.totalCount).toBe(sentToNorthside.length + 1);

    const robinsInbox = await stack.as<Inbox>('robin', operation('partner-inbox', 'PartnerInbox'));
    expect(robinsInbox.data!.incomingReferrals.edges.map((e) => e.node.id)).not.toContain(id);
    const robinAccepts = await stack.as('robin', operation('partner-inbox', 'AcceptReferral'), { id });
    expect(errorCodes(robinAccepts)).toEqual(['FORBIDDEN']);
    expect(robinAccepts.data).toBeNull();

    const accepted = await stack.as<Accepted>('pat', operation('partner-inbox', 'AcceptReferral'), { id });
    expect(accepted.errors).toBeUndefined();
    const history = [
      { status: 'DRAFT', actor: { displayName: 'Casey Morgan' } },
      { status: 'SENT', actor: { displayName: 'Casey Morgan' } },
      { status: 'ACCEPTED', actor: { displayName: 'Pat Rivera' } },
    ];
    expect(accepted.data!.respondToReferral).toEqual({ id, status: 'ACCEPTED', history });

    // The history reads the same on the sending side.
    const caseys = await stack.as<{
      referral: { status: string; history: Array<{ status: string; actor: { displayName: string }; note: string | null }> };
    }>('casey', HISTORY, { id });
    expect(caseys.errors).toBeUndefined();
    expect(caseys.data!.referral.history.map(({ status, actor }) => ({ status, actor }))).toEqual(history);
    expect(caseys.data!.referral.history[2].note).toBe('Intake booked');

    const completed = await stack.as('pat', operation('partner-inbox', 'CompleteReferral'), { id });
    expect(completed.errors).toBeUndefined();
    expect(completed.data).toEqual({ completeReferral: { id, status: 'COMPLETED', outcome: 'SERVICE_PROVIDED' } });
  });

  it('shows Northside its inbox on the Organization only to its own partners', async () => {
    const query = `query($id: ID!) { organization(id: $id) { name incomingReferrals(status: [SENT, ACCEPTED], first: 5) { totalCount } } }`;
    const pat = await stack.as<{ organization: { name: string; incomingReferrals: { totalCount: number } | null } }>('pat', query, {
      id: NORTHSIDE_ID,
    });
    expect(pat.errors).toBeUndefined();
    expect(pat.data!.organization.incomingReferrals!.totalCount).toBeGreaterThan(0);
    for (const key of ['robin', 'casey', 'alex'] as const) {
      const other = await stack.as(key, query, { id: NORTHSIDE_ID });
      expect({ key, data: other.data, errors: other.errors }).toEqual({
        key,
        data: { organization: { name: 'Northside Food Bank', incomingReferrals: null } },
        errors: undefined,
      });
    }
  });
});

describe('the consent gate, through the gateway, on the seeded consents', () => {
  it('refuses to send without a consent to the receiving organization, and sends once casey records one', async () => {
    const { clientId } = caseysReferralWith('active', NORTHSIDE_ID);
    const id = await createAs('casey', clientId, housing().id, 'e2e-no-consent');
    const refused = await stack.as('casey', operation('refer', 'SendReferral'), { id });
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0].message).toMatch(/no active consent/);
    expect((await stack.as<{ referral: { status: string } }>('casey', HISTORY, { id })).data!.referral.status).toBe('DRAFT');

    const consent = await stack.as('casey', operation('intake', 'RecordConsent'), {
      input: {
        clientId,
        recipientOrganizationId: EASTSIDE_ID,
        scope: ['REFERRAL_DETAILS'],
        purpose: 'Housing referral',
        signedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(consent.errors).toBeUndefined();
    const sent = await stack.as<Sent>('casey', operation('refer', 'SendReferral'), { id });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendReferral.status).toBe('SENT');
  });

  it('refuses to send under an expired consent', async () => {
    const { clientId, organizationId } = caseysReferralWith('expired', NORTHSIDE_ID);
    const id = await createAs('casey', clientId, pantry().id, 'e2e-expired');
    expect(organizationId).toBe(NORTHSIDE_ID);
    expect(errorCodes(await stack.as('casey', operation('refer', 'SendReferral'), { id }))).toEqual(['FORBIDDEN']);
    expect((await stack.as<{ referral: { status: string } }>('casey', HISTORY, { id })).data!.referral.status).toBe('DRAFT');
  });

  it('lets sam override a missing consent with a reason that both sides read in the history', async () => {
    const { clientId } = caseysReferralWith('expired', NORTHSIDE_ID);
    const id = await createAs('sam', clientId, pantry().id, 'e2e-override');
    const res = await stack.as<{ sendReferral: { status: string; history: Array<{ note: string | null }> } }>(
      'sam',
      `mutation($id: ID!, $why: String) { sendReferral(referralId: $id, overrideConsentReason: $why) { status history { note } } }`,
      { id, why: 'Client consented in person; the signed form is on its way' },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.sendReferral.status).toBe('SENT');
    expect(res.data!.sendReferral.history[1].note).toBe(
      'Sent without a recorded consent (supervisor override): Client consented in person; the signed form is on its way',
    );
  });

  it("stops showing pat the client's name and the referral's need at once when the consent is revoked after sending", async () => {
    const seeded = caseysReferralWith('active', NORTHSIDE_ID);
    const id = await createAs('casey', seeded.clientId, pantry().id, 'e2e-revoke');
    expect((await stack.as('casey', operation('refer', 'SendReferral'), { id })).errors).toBeUndefined();
    const query = `query($id: ID!) { referral(id: $id) { need urgency service { name } client { id displayName } } }`;
    const before = await stack.as<{ referral: { client: { displayName: string } | null } }>('pat', query, { id });
    expect(before.data!.referral.client).not.toBeNull();

    const revoked = await stack.as('casey', `mutation($id: ID!) { revokeConsent(consentId: $id) { status } }`, {
      id: demoId('consent', seeded.id),
    });
    expect(revoked.data).toEqual({ revokeConsent: { status: 'REVOKED' } });
    const after = await stack.as<{
      referral: { need: string; urgency: string; service: { name: string }; client: { displayName: string } | null };
    }>('pat', query, { id });
    expect(after.data!.referral).toEqual({ need: '', urgency: 'SOON', service: { name: 'Weekly Food Pantry' }, client: null });
  });
});

describe('referral outcomes through the gateway', () => {
  it('gives alex figures by month and taxonomy term with the directory naming the terms', async () => {
    const res = await stack.as<{
      referralOutcomes: Array<{
        month: string;
        taxonomyTerm: { name: string } | null;
        sent: { count: number | null; suppressed: boolean };
      }>;
    }>(
      'alex',
      `query($period: DateRangeInput!) { referralOutcomes(period: $period, groupBy: [MONTH, TAXONOMY_TERM]) { month taxonomyTerm { id name } sent { count suppressed } completionRate } }`,
      { period: months(-12, 0) },
    );
    expect(res.errors).toBeUndefined();
    const cells = res.data!.referralOutcomes;
    expect(cells.some((c) => !c.sent.suppressed && c.taxonomyTerm?.name)).toBe(true);
    expect(cells.some((c) => c.sent.suppressed)).toBe(true);
    expect(cells.every((c) => c.taxonomyTerm === null || typeof c.taxonomyTerm.name === 'string')).toBe(true);
  });
});
