import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the intake operations of the contract, unchanged, through the gateway', () => {
  it('opens a client, determines eligibility, records an assessment and a consent, and adds a note', async () => {
    const opened = await stack.as<{ openClient: { id: string; status: string; displayName: string; assignedCaseManager: { id: string } } }>(
      'casey',
      operation('intake', 'OpenClient'),
      {
        input: {
          firstName: 'Noémie',
          lastName: 'Arsenault',
          dateOfBirth: '1994-06-12',
          contactPreference: { method: 'PHONE', phone: '902-555-0142', voicemailAllowed: true },
          clientMutationId: 'e2e-intake-1',
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const client = opened.data!.openClient;
    expect(client).toMatchObject({
      status: 'INTAKE',
      displayName: 'Noémie Arsenault',
      assignedCaseManager: { id: stack.staff('casey').id },
    });

    const eligibility = await stack.as('casey', operation('intake', 'DetermineEligibility'), {
      input: {
        clientId: client.id,
        eligible: true,
        program: 'Employment Support Program',
        rationale: 'Recently unemployed; resident of the region.',
      },
    });
    expect(eligibility.data).toEqual({
      determineEligibility: { id: client.id, eligibility: { eligible: true, program: 'Employment Support Program' } },
    });

    const assessment = await stack.as('casey', operation('intake', 'RecordAssessment'), {
      input: {
        clientId: client.id,
        items: [
          {
            domain: 'PERSONAL_CIRCUMSTANCES',
            characteristic: 'Childcare',
            rating: 'BARRIER',
            planToCompensate: { how: 'Subsidized daycare application', whoHelps: 'Case manager' },
          },
          { domain: 'ATTITUDES', characteristic: 'Desire to work', rating: 'ASSET' },
        ],
      },
    });
    expect(assessment.data).toEqual({ recordAssessment: { id: expect.any(String), barrierCount: 1, assetCount: 1 } });

    const consent = await stack.as<{ recordConsent: { status: string } }>('casey', operation('intake', 'RecordConsent'), {
      input: {
        clientId: client.id,
        recipientOrganizationId: NORTHSIDE_ID,
        scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
        purpose: 'Food bank referral',
        signedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    });
    expect(consent.errors).toBeUndefined();
    expect(consent.data!.recordConsent.status).toBe('ACTIVE');

    const note = await stack.as('casey', operation('intake', 'AddCaseNote'), {
      input: {
        clientId: client.id,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        contactType: 'IN_PERSON',
        body: 'Intake interview completed.',
      },
    });
    expect(note.errors).toBeUndefined();

    // The partner named in the consent now sees the client's name; another partner does not.
    const forPat = await stack.as<{ client: { displayName: string } }>('pat', `query($id: ID!) { client(id: $id) { displayName } }`, {
      id: client.id,
    });
    expect(forPat.data).toEqual({ client: { displayName: 'Noémie Arsenault' } });
    expect(errorCodes(await stack.as('robin', `query($id: ID!) { client(id: $id) { displayName } }`, { id: client.id }))).toEqual([
      'FORBIDDEN',
    ]);
  });
});

describe("a client's file and the caseload through the gateway (the clients subgraph's part)", () => {
  it("shows casey's caseload most urgent first with reasons", async () => {
    const res = await stack.as<{
      myCaseload: { totalCount: number; edges: Array<{ node: { priority: { score: number; reasons: string[] } } }> };
    }>(
      'casey',
      `{ myCaseload(first: 25, status: [INTAKE, ACTIVE]) { totalCount edges { node { id displayName status nextFollowUpAt priority { level score reasons } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const scores = res.data!.myCaseload.edges.map((e) => e.node.priority.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.data!.myCaseload.edges[0].node.priority.reasons.length).toBeGreaterThan(0);
  });

  it('shows the profile, latest assessment, consents and notes of a client', async () => {
    const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;
    const res = await stack.as<{
      client: {
        id: string;
        latestAssessment: { barrierCount: number; barriers: unknown[] };
        consents: unknown[];
        caseNotes: { totalCount: number; edges: Array<{ node: { sensitive: boolean; amendments: unknown[] } }> };
      };
    }>(
      'casey',
      `query($id: ID!) { client(id: $id) { id firstName lastName displayName dateOfBirth status intakeDate contactPreference { method phone voicemailAllowed publicGreeting }
        eligibility { eligible program rationale determinedAt } assignedCaseManager { id displayName } keyDates { label date } priority { level reasons }
        latestAssessment { id assessedAt barrierCount assetCount barriers: items(rating: BARRIER) { domain characteristic planToCompensate { how byWhen whoHelps } } }
        consents { id recipient { id name } scope purpose signedAt expiresAt status }
        caseNotes(first: 10) { totalCount edges { node { id occurredAt contactType body sensitive author { displayName } amendments { id body } } } } } }`,
      { id: client.id },
    );
    expect(res.errors).toBeUndefined();
    const file = res.data!.client;
    expect(file.id).toBe(client.id);
    expect(file.latestAssessment.barriers).toHaveLength(file.latestAssessment.barrierCount);
    expect(file.caseNotes.edges.some((e) => e.node.sensitive)).toBe(true);
    expect(file.caseNotes.edges.some((e) => e.node.amendments.length > 0)).toBe(true);
  });

  it('refuses jordan a sensitive note written by casey, through the gateway', async () => {
    const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;
    const res = await stack.as('jordan', `query($id: ID!) { client(id: $id) { caseNotes { totalCount } } }`, { id: client.id });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toEqual({ client: null });
  });
});

describe('a closed case', () => {
  it('takes no new plan or referral until it is re-opened', async () => {
    const client = stack.world.clients.filter((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')[5];
    const closed = await stack.as('casey', `mutation($input: CloseCaseInput!) { closeCase(input: $input) { status } }`, {
      input: { clientId: client.id, outcome: 'MOVED' },
    });
    expect(closed.data).toEqual({ closeCase: { status: 'CLOSED' } });
    const plans = async () =>
      Number((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM plans.action_plan WHERE client_id = $1', [client.id]))[0].n);
    const referrals = async () =>
      Number((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM referrals.referral WHERE client_id = $1', [client.id]))[0].n);
    const before = [await plans(), await referrals()];
    const goal = {
      description: 'Settle in the new town',
      term: 'SHORT',
      smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
      tasks: [],
    };
    const plan = await stack.as('casey', operation('intake', 'CreateActionPlan'), { input: { clientId: client.id, goals: [goal] } });
    expect(errorCodes(plan)).toEqual(['INVALID_TRANSITION']);
    const service = stack.world.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
    const referral = await stack.as('casey', operation('refer', 'CreateReferral'), {
      input: { clientId: client.id, serviceId: service.id, need: 'Food', necessaryRationale: 'n', appropriateRationale: 'a' },
    });
    expect(errorCodes(referral)).toEqual(['INVALID_TRANSITION']);
    expect([await plans(), await referrals()]).toEqual(before);

    await stack.as('casey', `mutation($id: ID!) { reopenCase(clientId: $id, reason: "Moved back") { status } }`, { id: client.id });
    const again = await stack.as('casey', operation('intake', 'CreateActionPlan'), { input: { clientId: client.id, goals: [goal] } });
    expect(again.errors).toBeUndefined();
  });
});
