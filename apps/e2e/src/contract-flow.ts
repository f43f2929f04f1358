/**
 * Every operation of the users' contract (the project's copies in
 * ./contract), run unchanged through a gateway on seeded data, in the order
 * the users run them: a case manager's day, a partner's inbox, an analyst's
 * report. Each must answer without errors and return the data it names.
 */
import { NORTHSIDE_ID } from '@caseflow/demo';
import { months } from '@caseflow/testing';
import { operation } from './contract';
import type { StaffKey, TestStack } from './harness';
import { localDay } from '@caseflow/core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';

/** What the scenario needs of a running platform. */
export type ContractStack = Pick<TestStack, 'as' | 'staff' | 'world'>;

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function run(
  stack: ContractStack,
  key: StaffKey,
  file: string,
  name: string | undefined,
  variables: Record<string, unknown> = {},
): Promise<Data> {
  const res = await stack.as<Data>(key, operation(file, name), variables);
  expect({ operation: `${file}${name ? `#${name}` : ''}`, errors: res.errors ?? [] }).toEqual({
    operation: `${file}${name ? `#${name}` : ''}`,
    errors: [],
  });
  return res.data as Data;
}

// The demo's case managers work at Harbour, whose day is Halifax's: a step completed now is completed on that day.
const today = () => localDay(new Date(), HARBOUR_TIME_ZONE);

/**
 * Registers the users' operations as a `describe` of tests on the stack that
 * `current` returns once the suite's `beforeAll` has started it: the
 * in-process stack (contract.int.spec.ts) or the compiled services
 * (production-build.int.spec.ts).
 */
export function describeContract(title: string, current: () => ContractStack): void {
  describe(title, () => {
    let clientId: string;
    let referralId: string;

    it('caseload.graphql: the caseload with priority, plan progress and open referrals from all four subgraphs', async () => {
      const data = await run(current(), 'casey', 'caseload', 'Caseload', { first: 25 });
      expect(data.me).toMatchObject({ id: current().staff('casey').id, role: 'CASE_MANAGER' });
      const edges = data.myCaseload.edges;
      expect(edges.length).toBeGreaterThan(0);
      const scores = edges.map((e: Data) => e.node.priority.score);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      expect(edges.some((e: Data) => e.node.activePlan?.progress.stepsTotal > 0)).toBe(true);
      expect(edges.some((e: Data) => e.node.referrals?.some((r: Data) => r.service?.organization?.name))).toBe(true);
    });

    it('intake.graphql: open, eligibility, assessment, consent, plan, step and note, each feeding the next', async () => {
      const opened = await run(current(), 'casey', 'intake', 'OpenClient', {
        input: { firstName: 'Océane', lastName: 'Leblanc', dateOfBirth: '1989-02-17', clientMutationId: 'contract-intake' },
      });
      clientId = opened.openClient.id;
      expect(opened.openClient).toMatchObject({ status: 'INTAKE', displayName: 'Océane Leblanc' });
      const eligibility = await run(current(), 'casey', 'intake', 'DetermineEligibility', {
        input: { clientId, eligible: true, program: 'Employment Support Program', rationale: 'Meets the criteria.' },
      });
      expect(eligibility.determineEligibility.eligibility).toEqual({ eligible: true, program: 'Employment Support Program' });
      const assessment = await run(current(), 'casey', 'intake', 'RecordAssessment', {
        input: {
          clientId,
          items: [
            {
              domain: 'PERSONAL_CIRCUMSTANCES',
              characteristic: 'Food and housing',
              rating: 'BARRIER',
              planToCompensate: { how: 'Food bank referral' },
            },
          ],
        },
      });
      expect(assessment.recordAssessment).toMatchObject({ barrierCount: 1, assetCount: 0 });
      const consent = await run(current(), 'casey', 'intake', 'RecordConsent', {
        input: {
          clientId,
          recipientOrganizationId: NORTHSIDE_ID,
          scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
          purpose: 'Food bank referral',
          signedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      });
      expect(consent.recordConsent.status).toBe('ACTIVE');
      const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const plan = await run(current(), 'casey', 'intake', 'CreateActionPlan', {
        input: {
          clientId,
          goals: [
            {
              description: 'Secure groceries every week for two months',
              term: 'SHORT',
              targetDate: due,
              smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
              tasks: [{ title: 'Register at the food bank', steps: [{ description: 'Bring identification to the pantry', dueDate: due }] }],
            },
          ],
        },
      });
      const step = plan.createActionPlan.goals[0].tasks[0].steps[0];
      expect(plan.createActionPlan).toMatchObject({ status: 'ACTIVE', version: 1 });
      const updated = await run(current(), 'casey', 'intake', 'UpdateStep', {
        input: {
          stepId: step.id,
          expectedVersion: plan.createActionPlan.version,
          outcome: 'COMPLETE',
          completedAt: today(),
          rationale: 'Registered in person.',
        },
      });
      expect(updated.updateStep).toEqual({ id: step.id, outcome: 'COMPLETE', completedAt: today() });
      const note = await run(current(), 'casey', 'intake', 'AddCaseNote', {
        input: { clientId, occurredAt: new Date(Date.now() - 60_000).toISOString(), contactType: 'IN_PERSON', body: 'Intake completed.' },
      });
      expect(note.addCaseNote.id).toEqual(expect.any(String));
    });

    it('refer.graphql: find a food service nearby, create and send the referral', async () => {
      const pantry = current().world.locations.find((l) => l.organizationId === NORTHSIDE_ID)!;
      const found = await run(current(), 'casey', 'refer', 'FindService', {
        input: { text: 'weekly food pantry', near: { latitude: pantry.latitude, longitude: pantry.longitude }, radiusKm: 2 },
      });
      const hit = found.searchServices.edges.map((e: Data) => e.node).find((n: Data) => n.service.organization.id === NORTHSIDE_ID);
      expect(hit).toBeDefined();
      const created = await run(current(), 'casey', 'refer', 'CreateReferral', {
        input: {
          clientId,
          serviceId: hit.service.id,
          serviceAtLocationId: hit.serviceAtLocation?.id ?? null,
          need: 'Food and housing: not enough food at home',
          necessaryRationale: 'No food at home this week.',
          appropriateRationale: 'Closest pantry with capacity.',
          clientMutationId: 'contract-refer',
        },
      });
      referralId = created.createReferral.id;
      expect(created.createReferral.status).toBe('DRAFT');
      const sent = await run(current(), 'casey', 'refer', 'SendReferral', { id: referralId });
      expect(sent.sendReferral).toMatchObject({ id: referralId, status: 'SENT' });
      expect(sent.sendReferral.history.map((h: Data) => h.status)).toEqual(['DRAFT', 'SENT']);
    });

    it('partner-inbox.graphql: the partner sees it with the client named under the consent, accepts and completes it', async () => {
      const inbox = await run(current(), 'pat', 'partner-inbox', 'PartnerInbox');
      expect(inbox.me.organization).toEqual({ id: NORTHSIDE_ID, name: 'Northside Food Bank' });
      const mine = inbox.incomingReferrals.edges.find((e: Data) => e.node.id === referralId);
      expect(mine.node.client).toEqual({ id: clientId, displayName: 'Océane Leblanc' });
      const accepted = await run(current(), 'pat', 'partner-inbox', 'AcceptReferral', { id: referralId });
      expect(accepted.respondToReferral.history.map((h: Data) => h.status)).toEqual(['DRAFT', 'SENT', 'ACCEPTED']);
      expect(accepted.respondToReferral.history[2].actor.displayName).toBe(current().staff('pat').displayName);
      const completed = await run(current(), 'pat', 'partner-inbox', 'CompleteReferral', { id: referralId });
      expect(completed.completeReferral).toEqual({ id: referralId, status: 'COMPLETED', outcome: 'SERVICE_PROVIDED' });
    });

    it('client-profile.graphql: the whole file, with the plan and the referral history from both sides', async () => {
      const data = await run(current(), 'casey', 'client-profile', 'ClientProfile', { id: clientId });
      const client = data.client;
      expect(client).toMatchObject({ id: clientId, displayName: 'Océane Leblanc', status: 'INTAKE', eligibility: { eligible: true } });
      expect(client.latestAssessment.barriers).toHaveLength(1);
      expect(client.consents[0]).toMatchObject({ recipient: { id: NORTHSIDE_ID, name: 'Northside Food Bank' }, status: 'ACTIVE' });
      expect(client.actionPlans[0].progress).toMatchObject({ percentComplete: 100, overdueSteps: 0 });
      expect(client.referrals[0].history.map((h: Data) => h.status)).toEqual(['DRAFT', 'SENT', 'ACCEPTED', 'COMPLETED']);
      expect(client.caseNotes.totalCount).toBe(1);
    });

    it('directory-search.graphql: words, category, distance and open-at together', async () => {
      const top = await current().as<Data>('pat', '{ taxonomyTerms { id name } }');
      const food = top.data!.taxonomyTerms.find((t: Data) => t.name === 'Food');
      const data = await run(current(), 'pat', 'directory-search', 'DirectorySearch', {
        text: 'food',
        terms: [food.id],
        lat: 44.6488,
        lon: -63.5752,
        radiusKm: 10,
        openAt: null,
      });
      expect(data.searchServices.totalCount).toBeGreaterThan(0);
      // With words, by relevance: a service named for food first; every hit within the radius.
      expect(data.searchServices.edges[0].node.service.name).toMatch(/food/i);
      const distances = data.searchServices.edges.map((e: Data) => e.node.distanceKm);
      expect(distances.every((d: number) => d <= 10)).toBe(true);
    });

    it("outcomes.graphql: the analyst's figures for a year, suppressed under 11", async () => {
      const data = await run(current(), 'alex', 'outcomes', 'Outcomes', { period: months(-11, 0) });
      for (const list of [data.referralOutcomes, data.goalAttainment, data.caseOutcomes]) expect(list.length).toBeGreaterThan(0);
      const counts = [
        ...data.referralOutcomes.flatMap((c: Data) => [c.sent, c.accepted, c.completed]),
        ...data.goalAttainment.flatMap((c: Data) => [c.goalsSet, c.goalsAchieved]),
        ...data.caseOutcomes.map((c: Data) => c.closed),
      ];
      for (const c of counts) expect(c.suppressed ? c.count === null : c.count >= 11).toBe(true);
      expect(counts.some((c) => !c.suppressed)).toBe(true);
      expect(counts.some((c) => c.suppressed)).toBe(true);
    });
  });
}
