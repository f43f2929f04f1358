import { demoStaff } from '@caseflow/demo';
import { errorCodes, freePort, internalHeaders, postGraphQL, startTestSubgraph } from '@caseflow/testing';
import { calendarDate, isOverdue } from '../step/step.rules';
import { plansSubgraph } from '../subgraph';
import { actorOf, type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const casey = demoStaff('casey');
const actor = actorOf('casey');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

let bed: PlansTestbed;
const world = () => bed.world;
const caseysClients = () => world().clients.filter((c) => c.caseManagerId === casey.id);
const caseysPlans = () => world().plans.filter((p) => caseysClients().some((c) => c.id === p.clientId));
const planOf = (clientId: string) => world().plans.find((p) => p.clientId === clientId);
/** Every plan the seed wrote for a client, newest first. */
const seededPlansOf = (clientId: string) =>
  bed.seed.plans.filter((p) => p.clientId === clientId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
const t = () => bed.t;
const as = () => internalHeaders(actor, bed.t.secret);
const db = () => bed.t.subgraph.database;
const sqlSince = (mark: number) => bed.sqlSince(mark);
const lastAuditId = () => bed.lastAuditId();
const auditSince = (id: number) => bed.auditSince(id);
const access = () => bed.access;

beforeAll(async () => {
  bed = await startPlansTestbed();
});

afterAll(() => bed?.stop());

beforeEach(() => bed.access.reset());

type PlanTree = {
  id: string;
  goals: Array<{ tasks: Array<{ steps: Array<{ id: string }> }> }>;
};
type ClientPlans = { id: string; actionPlans: PlanTree[] | null; activePlan: { id: string } | null } | null;
const CLIENT_PLANS = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Client { id actionPlans { id goals { tasks { steps { id } } } } activePlan { id } } } }`;

describe('plans subgraph', () => {
  it('prints a Federation 2 SDL with the @link and the @key of each entity', async () => {
    const res = await postGraphQL<{ _service: { sdl: string } }>(t().url, '{ _service { sdl } }', {}, as());
    const sdl = res.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type ActionPlan\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Goal\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PriorityRanking\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Client\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type StaffMember\s+@key\(fields: "id", resolvable: false\)/);
    expect(access().calls).toHaveLength(0);
  });

  it('resolves mixed, duplicate and unknown ActionPlan references in order, with one plans statement and one access call', async () => {
    const [a, b] = caseysPlans();
    const representations = [a.id, b.id, a.id, UNKNOWN, 'not-a-uuid'].map((id) => ({ __typename: 'ActionPlan', id }));
    const mark = db().counter.count;
    const auditMark = await lastAuditId();
    const res = await postGraphQL<{ _entities: Array<{ id: string; status: string; client: { id: string } } | null> }>(
      t().url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ActionPlan { id status client { id } } } }',
      { r: representations },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: a.id, status: a.status, client: { id: a.clientId } },
      { id: b.id, status: b.status, client: { id: b.clientId } },
      { id: a.id, status: a.status, client: { id: a.clientId } },
      null,
      null,
    ]);
    expect(sqlSince(mark)).toHaveLength(1);
    expect(access().calls).toHaveLength(1);
    expect(new Set(access().calls[0].clientIds)).toEqual(new Set([a.clientId, b.clientId]));
    expect(access().calls[0].actor.staffId).toBe(casey.id);
    expect(await auditSince(auditMark)).toEqual([
      { action: 'READ', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: a.id, client_id: a.clientId },
      { action: 'READ', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: b.id, client_id: b.clientId },
    ]);
  });

  it('resolves a denied ActionPlan reference to null beside an allowed one, and audits the denial', async () => {
    const [allowed, refused] = caseysPlans();
    access().denied.add(refused.clientId);
    const auditMark = await lastAuditId();
    const res = await postGraphQL<{ _entities: Array<{ id: string } | null> }>(
      t().url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ActionPlan { id } } }',
      { r: [refused, allowed].map((p) => ({ __typename: 'ActionPlan', id: p.id })) },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([null, { id: allowed.id }]);
    expect(access().calls).toHaveLength(1);
    expect(await auditSince(auditMark)).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'ActionPlan', entity_id: refused.id, client_id: refused.clientId },
      { action: 'READ', outcome: 'ALLOWED', entity_type: 'ActionPlan', entity_id: allowed.id, client_id: allowed.clientId },
    ]);
  });

  it('resolves Goal references through their plans in one statement per level and one access call, null when denied or unknown', async () => {
    const [allowed, refused] = caseysPlans();
    access().denied.add(refused.clientId);
    const auditMark = await lastAuditId();
    const mark = db().counter.count;
    const res = await postGraphQL<{ _entities: Array<{ id: string; description: string; plan: { id: string } } | null> }>(
      t().url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Goal { id description plan { id } } } }',
      { r: [allowed.goals[1].id, refused.goals[0].id, UNKNOWN, allowed.goals[0].id].map((id) => ({ __typename: 'Goal', id })) },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: allowed.goals[1].id, description: allowed.goals[1].description, plan: { id: allowed.id } },
      null,
      null,
      { id: allowed.goals[0].id, description: allowed.goals[0].description, plan: { id: allowed.id } },
    ]);
    expect(sqlSince(mark)).toHaveLength(2);
    expect(access().calls).toHaveLength(1);
    const events = await auditSince(auditMark);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'READ', outcome: 'DENIED', entity_type: 'Goal', entity_id: refused.goals[0].id, client_id: refused.clientId },
        { action: 'READ', outcome: 'ALLOWED', entity_type: 'Goal', entity_id: allowed.goals[1].id, client_id: allowed.clientId },
        { action: 'READ', outcome: 'ALLOWED', entity_type: 'Goal', entity_id: allowed.goals[0].id, client_id: allowed.clientId },
      ]),
    );
    expect(events).toHaveLength(3);
  });

  it("loads 5 or 20 clients' plans, goals, tasks and steps with the same SQL statements and one access call", async () => {
    const run = async (count: number) => {
      const clients = caseysClients().slice(0, count);
      access().calls.length = 0;
      const mark = db().counter.count;
      const res = await postGraphQL<{ _entities: ClientPlans[] }>(
        t().url,
        CLIENT_PLANS,
        { r: clients.map((c) => ({ __typename: 'Client', id: c.id })) },
        as(),
      );
      expect(res.errors).toBeUndefined();
      res.data!._entities.forEach((entity, i) => {
        const plan = planOf(clients[i].id);
        expect(entity!.id).toBe(clients[i].id);
        expect(entity!.actionPlans!.map((p) => p.id)).toEqual(seededPlansOf(clients[i].id).map((p) => p.id));
        expect(entity!.activePlan).toEqual(plan?.status === 'ACTIVE' ? { id: plan.id } : null);
        for (const p of entity!.actionPlans!) {
          expect(p.goals).toHaveLength(2);
          for (const goal of p.goals) {
            expect(goal.tasks).toHaveLength(1);
            expect(goal.tasks[0].steps.length).toBeGreaterThanOrEqual(2);
            expect(goal.tasks[0].steps.length).toBeLessThanOrEqual(3);
          }
        }
      });
      expect(access().calls).toHaveLength(1);
      expect(new Set(access().calls[0].clientIds)).toEqual(new Set(clients.map((c) => c.id)));
      return sqlSince(mark);
    };
    const five = await run(5);
    const twenty = await run(20);
    expect(five).toHaveLength(4);
    expect(twenty).toHaveLength(five.length);
  });

  it('answers null for the plans of a client the caller may not read, audits one denial, and still answers the others', async () => {
    const [refused, allowed] = caseysClients().filter((c) => planOf(c.id)?.status === 'ACTIVE');
    access().denied.add(refused.id);
    const auditMark = await lastAuditId();
    const res = await postGraphQL<{ _entities: ClientPlans[] }>(
      t().url,
      CLIENT_PLANS,
      { r: [refused, allowed].map((c) => ({ __typename: 'Client', id: c.id })) },
      as(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]).toEqual({ id: refused.id, actionPlans: null, activePlan: null });
    expect(res.data!._entities[1]!.activePlan).toEqual({ id: planOf(allowed.id)!.id });
    expect(access().calls).toHaveLength(1);
    const events = await auditSince(auditMark);
    expect(events.filter((e) => e.client_id === refused.id)).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'ActionPlan', entity_id: null, client_id: refused.id },
    ]);
    expect(events.filter((e) => e.client_id === allowed.id)).toEqual(
      seededPlansOf(allowed.id).map((p) => ({
        action: 'READ',
        outcome: 'ALLOWED',
        entity_type: 'ActionPlan',
        entity_id: p.id,
        client_id: allowed.id,
      })),
    );
  });

  it('reads one plan with its goals, tasks and steps, each pointing back at its parent', async () => {
    const plan = caseysPlans().find((p) => p.status === 'ACTIVE')!;
    const res = await postGraphQL<{
      actionPlan: {
        id: string;
        status: string;
        version: number;
        createdAt: string;
        createdBy: { id: string };
        client: { id: string };
        goals: Array<{
          id: string;
          term: string;
          targetDate: string;
          status: string;
          smart: Record<string, boolean>;
          plan: { id: string };
          tasks: Array<{
            id: string;
            title: string;
            goal: { id: string };
            steps: Array<{
              id: string;
              dueDate: string;
              completedAt: string | null;
              outcome: 'COMPLETE';
              overdue: boolean;
              task: { id: string };
            }>;
          }>;
        }>;
      };
    }>(
      t().url,
      `query($id: ID!) { actionPlan(id: $id) { id status version createdAt createdBy { id } client { id }
        goals { id term targetDate status smart { specific measurable achievable relevant timeLimited } plan { id }
          tasks { id title goal { id } steps { id dueDate completedAt outcome overdue task { id } } } } } }`,
      { id: plan.id },
      as(),
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!.actionPlan;
    const seeded = bed.seed.plans.find((p) => p.id === plan.id)!;
    expect(got).toMatchObject({
      id: plan.id,
      status: 'ACTIVE',
      version: seeded.version,
      createdBy: { id: plan.createdById },
      client: { id: plan.clientId },
    });
    expect(new Date(got.createdAt).toISOString()).toBe(plan.createdAt.toISOString());
    expect(got.goals.map((g) => [g.id, g.term, g.targetDate, g.status])).toEqual(
      plan.goals.map((g) => [g.id, g.term, g.targetDate, g.status]),
    );
    const today = calendarDate(new Date());
    for (const goal of got.goals) {
      expect(goal.plan.id).toBe(plan.id);
      expect(Object.keys(goal.smart).sort()).toEqual(['achievable', 'measurable', 'relevant', 'specific', 'timeLimited']);
      for (const task of goal.tasks) {
        expect(task.goal.id).toBe(goal.id);
        for (const step of task.steps) {
          expect(step.task.id).toBe(task.id);
          expect(step.overdue).toBe(isOverdue(step, today));
        }
      }
    }
  });

  it('marks the seeded overdue steps as overdue and complete ones as not', async () => {
    const plans = caseysPlans()
      .filter((p) => p.status === 'ACTIVE')
      .slice(0, 6);
    const res = await postGraphQL<{
      _entities: Array<{ goals: Array<{ tasks: Array<{ steps: Array<{ outcome: string; dueDate: string; overdue: boolean }> }> }> }>;
    }>(
      t().url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on ActionPlan { goals { tasks { steps { outcome dueDate overdue } } } } } }',
      { r: plans.map((p) => ({ __typename: 'ActionPlan', id: p.id })) },
      as(),
    );
    const steps = res.data!._entities.flatMap((p) => p.goals.flatMap((g) => g.tasks.flatMap((k) => k.steps)));
    expect(steps.some((s) => s.overdue)).toBe(true);
    expect(steps.some((s) => !s.overdue && s.outcome !== 'COMPLETE')).toBe(true);
    expect(steps.filter((s) => s.outcome === 'COMPLETE').every((s) => !s.overdue)).toBe(true);
  });

  it('refuses actionPlan for a client the caller may not read with FORBIDDEN, and audits the denial', async () => {
    const plan = caseysPlans()[2];
    access().denied.add(plan.clientId);
    const auditMark = await lastAuditId();
    const res = await postGraphQL<{ actionPlan: unknown }>(
      t().url,
      'query($id: ID!) { actionPlan(id: $id) { id goals { id } } }',
      { id: plan.id },
      as(),
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toEqual({ actionPlan: null });
    expect(await auditSince(auditMark)).toEqual([
      { action: 'READ', outcome: 'DENIED', entity_type: 'ActionPlan', entity_id: plan.id, client_id: plan.clientId },
    ]);
  });

  it('answers null for an unknown plan and BAD_USER_INPUT naming id for a malformed one, asking nobody', async () => {
    const unknown = await postGraphQL(t().url, 'query($id: ID!) { actionPlan(id: $id) { id } }', { id: UNKNOWN }, as());
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ actionPlan: null });

    const mark = db().counter.count;
    const bad = await postGraphQL(t().url, '{ actionPlan(id: "abc") { id } }', {}, as());
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('id');
    expect(bad.data).toEqual({ actionPlan: null });
    expect(sqlSince(mark)).toHaveLength(0);
    expect(access().calls).toHaveLength(0);
  });

  it('fails closed with UNAVAILABLE and no data when the clients subgraph does not answer', async () => {
    const down = await startTestSubgraph(plansSubgraph, {
      databaseUrl: t().databaseUrl,
      peerUrls: { clients: `http://127.0.0.1:${await freePort()}` },
      peerTimeoutMs: 1000,
    });
    try {
      const headers = internalHeaders(actor, down.secret);
      const auditMark = await lastAuditId();
      const one = await postGraphQL(
        down.url,
        'query($id: ID!) { actionPlan(id: $id) { id goals { id } } }',
        { id: caseysPlans()[0].id },
        headers,
      );
      expect(errorCodes(one)).toEqual(['UNAVAILABLE']);
      expect(one.data).toEqual({ actionPlan: null });

      const client = caseysClients().find((c) => planOf(c.id))!;
      const many = await postGraphQL<{ _entities: ClientPlans[] }>(
        down.url,
        CLIENT_PLANS,
        { r: [{ __typename: 'Client', id: client.id }] },
        headers,
      );
      expect(new Set(errorCodes(many))).toEqual(new Set(['UNAVAILABLE']));
      expect(many.data!._entities).toEqual([{ id: client.id, actionPlans: null, activePlan: null }]);
      expect((await auditSince(auditMark)).filter((e) => e.outcome === 'ALLOWED')).toEqual([]);
    } finally {
      await down.stop();
    }
  });

  it('refuses a request without a valid internal token, _service included, before asking for access', async () => {
    for (const query of ['{ _service { sdl } }', `{ actionPlan(id: "${caseysPlans()[0].id}") { id } }`]) {
      const res = await postGraphQL(t().url, query);
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data).toBeUndefined();
    }
    const forged = await postGraphQL(t().url, '{ _service { sdl } }', {}, internalHeaders(actor, 'not-the-secret'));
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
    expect(access().calls).toHaveLength(0);
  });
});
