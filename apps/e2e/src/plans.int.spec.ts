import { type FieldNode, Kind, parse, print, visit } from 'graphql';
import { EASTSIDE_ID } from '@caseflow/demo';
import { plansSeed } from '@caseflow/plans-seed';
import { errorCodes, months } from '@caseflow/testing';
import { contractFile, operation } from './contract';
import { startTestStack, statementCounts, type TestStack } from './harness';
import { localDay } from '@caseflow/core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';

/**
 * The plan parts of the users' operations, taken from the project's copies of
 * the contract exactly as written (the selection under `actionPlans` of
 * client-profile.graphql, under `activePlan` of caseload.graphql, and
 * `goalAttainment` of outcomes.graphql), run through the gateway.
 */
function contractField(file: string, field: string): string {
  let found: FieldNode | undefined;
  visit(parse(contractFile(file)), {
    Field(node) {
      if (!found && node.name.value === field) found = node;
    },
  });
  if (!found || found.kind !== Kind.FIELD) throw new Error(`no ${field} in ${file}.graphql`);
  return print(found);
}

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

let stack: TestStack;
let seed: ReturnType<typeof plansSeed>;
beforeAll(async () => {
  stack = await startTestStack();
  seed = plansSeed(stack.world);
});
afterAll(() => stack?.stop());

type Progress = {
  goalsTotal?: number;
  goalsAchieved?: number;
  stepsTotal?: number;
  stepsComplete?: number;
  overdueSteps: number;
  percentComplete: number;
};
interface ProfilePlan {
  id: string;
  status: string;
  version: number;
  createdAt: string;
  progress: Progress;
  goals: Array<{
    id: string;
    status: string;
    smart: Record<string, boolean>;
    tasks: Array<{ steps: Array<{ id: string; outcome: string; dueDate: string; overdue: boolean }> }>;
  }>;
  revisions: Array<{ revisedAt: string; revisedBy: { displayName: string } | null; rationale: string; summary: string }>;
}

describe("the plan part of a client's file (client-profile.graphql) through the gateway", () => {
  it('shows every plan newest first with goals, tasks, steps, progress and revisions signed by their authors', async () => {
    const casey = stack.staff('casey');
    // A client of casey's with an earlier plan, a step brought forward and revisions.
    const plans = seed.plans.filter((p) => p.createdBy === casey.id);
    const current = plans.find(
      (p) =>
        p.status === 'ACTIVE' &&
        p.revisions.some((r) => r.entityType === 'PlanStep') &&
        plans.some((q) => q.clientId === p.clientId && q.id !== p.id),
    )!;
    const mine = plans.filter((p) => p.clientId === current.clientId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

    const res = await stack.as<{ client: { id: string; actionPlans: ProfilePlan[] } }>(
      'casey',
      `query($id: ID!) { client(id: $id) { id ${contractField('client-profile', 'actionPlans')} } }`,
      { id: current.clientId },
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!.client.actionPlans;
    expect(got.map((p) => [p.id, p.status, p.version])).toEqual(mine.map((p) => [p.id, p.status, p.version]));
    const active = got.find((p) => p.id === current.id)!;
    expect(active.revisions).toEqual(
      current.revisions.map((r) => ({
        revisedAt: r.revisedAt.toISOString(),
        revisedBy: { displayName: casey.displayName },
        rationale: r.rationale,
        summary: r.summary,
      })),
    );
    const steps = active.goals.flatMap((g) => g.tasks.flatMap((t) => t.steps));
    expect(steps.some((s) => s.outcome === 'BROUGHT_FORWARD')).toBe(true);
    expect(active.progress.overdueSteps).toBe(steps.filter((s) => s.overdue).length);
    // Earlier plans are closed: none of their steps is overdue.
    for (const closed of got.filter((p) => p.status === 'COMPLETED' || p.status === 'CANCELLED')) {
      expect(closed.progress.overdueSteps).toBe(0);
      expect(closed.revisions.length).toBeGreaterThan(0);
    }
  });

  it('shows a partner the plans only while a consent covering PLANS is active, read-only', async () => {
    const client = stack.world.clients.find((c) => c.status === 'ACTIVE' && c.caseManagerId === stack.staff('casey').id)!;
    const plan = seed.plans.find((p) => p.clientId === client.id && p.status === 'ACTIVE')!;
    const read = `query($id: ID!) { client(id: $id) { actionPlans { id } } }`;
    const before = await stack.as<{ client: unknown }>('robin', read, { id: client.id });
    expect(before.data?.client ?? null).toBeNull();
    expect(errorCodes(before)).toContain('FORBIDDEN');

    const consent = await stack.as<{ recordConsent: { id: string } }>(
      'casey',
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      {
        input: {
          clientId: client.id,
          recipientOrganizationId: EASTSIDE_ID,
          scope: ['CONTACT_INFO', 'PLANS'],
          purpose: 'Housing plan coordination',
          signedAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
    );
    expect(consent.errors).toBeUndefined();
    const under = await stack.as<{ client: { actionPlans: Array<{ id: string }> } }>('robin', read, { id: client.id });
    expect(under.errors).toBeUndefined();
    expect(under.data!.client.actionPlans.map((p) => p.id).sort()).toEqual(
      seed.plans
        .filter((p) => p.clientId === client.id)
        .map((p) => p.id)
        .sort(),
    );
    const write = await stack.as('robin', `mutation($id: ID!, $v: Int!) { completePlan(planId: $id, expectedVersion: $v) { id } }`, {
      id: plan.id,
      v: plan.version,
    });
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);

    await stack.as('casey', `mutation($id: ID!) { revokeConsent(consentId: $id) { id } }`, { id: consent.data!.recordConsent.id });
    const after = await stack.as('robin', `query($id: ID!) { actionPlan(id: $id) { id } }`, { id: plan.id });
    expect(errorCodes(after)).toEqual(['FORBIDDEN']);
  });
});

describe('the plan part of the caseload (caseload.graphql) through the gateway', () => {
  const page = (first: number) =>
    `{ clients(first: ${first}, filter: { status: [INTAKE, ACTIVE] }) { edges { node { id ${contractField('caseload', 'activePlan')} } } } }`;

  it("gives each client's active plan with its progress", async () => {
    const res = await stack.as<{
      clients: { edges: Array<{ node: { id: string; activePlan: { id: string; progress: Progress } | null } }> };
    }>('casey', page(25));
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.clients.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      const active = seed.plans.find((p) => p.clientId === node.id && p.status === 'ACTIVE');
      expect(node.activePlan?.id ?? null).toBe(active?.id ?? null);
      if (node.activePlan)
        expect(Object.keys(node.activePlan.progress).sort()).toEqual([
          'goalsAchieved',
          'goalsTotal',
          'overdueSteps',
          'percentComplete',
          'stepsComplete',
          'stepsTotal',
        ]);
    }
    expect(nodes.some((n) => (n.activePlan?.progress.overdueSteps ?? 0) > 0)).toBe(true);
  });

  it('sends the plans subgraph the same SQL statements for 5 clients as for 40', async () => {
    const counts = async (first: number) => {
      const before = statementCounts(stack);
      const res = await stack.as('sam', page(first));
      expect(res.errors).toBeUndefined();
      return statementCounts(stack).plans - before.plans;
    };
    const five = await counts(5);
    expect(await counts(40)).toBe(five);
  });
});

describe('building a plan at intake (intake.graphql) through the gateway', () => {
  it('creates a plan with a SMART goal, a task and a step, completes the step, and refuses a stale version and a partner', async () => {
    const client = stack.world.clients.find((c) => c.status === 'INTAKE' && c.caseManagerId === stack.staff('jordan').id)!;
    const created = await stack.as<{
      createActionPlan: {
        id: string;
        status: string;
        version: number;
        goals: Array<{ id: string; tasks: Array<{ id: string; steps: Array<{ id: string; outcome: string }> }> }>;
      };
    }>('jordan', operation('intake', 'CreateActionPlan'), {
      input: {
        clientId: client.id,
        goals: [
          {
            description: 'Start a forklift certification course by next month',
            term: 'SHORT',
            targetDate: day(30),
            smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
            tasks: [
              {
                title: 'Enrol',
                steps: [
                  { description: 'Call the training centre', estimatedTime: '20 minutes', dueDate: day(3), whoHelps: 'Case manager' },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createActionPlan;
    expect(plan).toMatchObject({ status: 'ACTIVE', version: 1, goals: [{ tasks: [{ steps: [{ outcome: 'NOT_STARTED' }] }] }] });
    const stepId = plan.goals[0].tasks[0].steps[0].id;

    const updated = await stack.as('jordan', operation('intake', 'UpdateStep'), {
      input: { stepId, expectedVersion: plan.version, outcome: 'COMPLETE', rationale: 'Client enrolled by phone during the meeting.' },
    });
    // Completed today on the agency's calendar (Harbour works in Halifax's time zone).
    expect(updated.data).toEqual({ updateStep: { id: stepId, outcome: 'COMPLETE', completedAt: localDay(new Date(), HARBOUR_TIME_ZONE) } });

    const stale = await stack.as('jordan', operation('intake', 'UpdateStep'), {
      input: { stepId, expectedVersion: plan.version, outcome: 'IN_PROGRESS', rationale: 'Oops' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const partner = await stack.as('pat', operation('intake', 'UpdateStep'), {
      input: { stepId, expectedVersion: plan.version + 1, outcome: 'IN_PROGRESS', rationale: 'No' },
    });
    expect(errorCodes(partner)).toEqual(['FORBIDDEN']);

    const after = await stack.as<{
      client: {
        activePlan: {
          id: string;
          version: number;
          progress: Progress;
          revisions: Array<{ rationale: string; revisedBy: { displayName: string } }>;
        };
      };
    }>(
      'jordan',
      `query($id: ID!) { client(id: $id) { activePlan { id version progress { percentComplete overdueSteps } revisions { rationale revisedBy { displayName } } } } }`,
      { id: client.id },
    );
    expect(after.data!.client.activePlan).toEqual({
      id: plan.id,
      version: 2,
      progress: { percentComplete: 100, overdueSteps: 0 },
      revisions: [
        { rationale: 'Client enrolled by phone during the meeting.', revisedBy: { displayName: stack.staff('jordan').displayName } },
      ],
    });
  });

  it('refuses a plan for a client of another case manager, naming nothing of it', async () => {
    const client = stack.world.clients.find((c) => c.status === 'ACTIVE' && c.caseManagerId === stack.staff('casey').id)!;
    const res = await stack.as('jordan', operation('intake', 'CreateActionPlan'), {
      input: {
        clientId: client.id,
        goals: [
          {
            description: 'x',
            term: 'SHORT',
            smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
            tasks: [],
          },
        ],
      },
    });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    const plans = await stack.as<{ client: { actionPlans: Array<{ id: string }> } }>(
      'casey',
      `query($id: ID!) { client(id: $id) { actionPlans { id } } }`,
      { id: client.id },
    );
    expect(plans.data!.client.actionPlans.map((p) => p.id).sort()).toEqual(
      seed.plans
        .filter((p) => p.clientId === client.id)
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('goal attainment (the plans part of outcomes.graphql) through the gateway', () => {
  it('gives the analyst suppressed and shown cells, and refuses a case manager', async () => {
    const query = `query($period: DateRangeInput!) { ${contractField('outcomes', 'goalAttainment')} }`;
    const period = months(-11, 0);
    const res = await stack.as<{ goalAttainment: Array<{ goalsSet: { count: number | null; suppressed: boolean } }> }>('alex', query, {
      period,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.goalAttainment.some((c) => !c.goalsSet.suppressed && c.goalsSet.count! >= 11)).toBe(true);
    expect(res.data!.goalAttainment.some((c) => c.goalsSet.suppressed && c.goalsSet.count === null)).toBe(true);
    expect(errorCodes(await stack.as('casey', query, { period }))).toEqual(['FORBIDDEN']);
  });
});

describe('the prioritizing grid through the gateway', () => {
  it("ranks a client's needs for the case manager, shows the grids on the client, and refuses a partner", async () => {
    const seeded = seed.rankings.find((r) => r.createdBy === stack.staff('casey').id)!;
    const input = {
      clientId: seeded.clientId,
      items: ['Stable housing', 'Childcare', 'Updated resume'],
      choices: [
        { a: 0, b: 1, winner: 1 },
        { a: 0, b: 2, winner: 0 },
        { a: 1, b: 2, winner: 1 },
      ],
    };
    const mutation = `mutation($input: RankPrioritiesInput!) { rankPriorities(input: $input) { id items { item wins rank } } }`;
    expect(errorCodes(await stack.as('robin', mutation, { input }))).toEqual(['FORBIDDEN']);
    const res = await stack.as<{ rankPriorities: { id: string; items: unknown[] } }>('casey', mutation, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.rankPriorities.items).toEqual([
      { item: 'Childcare', wins: 2, rank: 1 },
      { item: 'Stable housing', wins: 1, rank: 2 },
      { item: 'Updated resume', wins: 0, rank: 3 },
    ]);
    const read = await stack.as<{ client: { priorityRankings: Array<{ id: string }> } }>(
      'casey',
      `query($id: ID!) { client(id: $id) { priorityRankings { id } } }`,
      { id: seeded.clientId },
    );
    expect(read.data!.client.priorityRankings.map((r) => r.id)).toEqual([res.data!.rankPriorities.id, seeded.id]);
  });
});
