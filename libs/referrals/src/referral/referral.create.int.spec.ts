import { NORTHSIDE_ID, demoId, demoStaff } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const CREATE = `mutation($input: CreateReferralInput!) {
  createReferral(input: $input) {
    id status need necessaryRationale appropriateRationale paidByContract urgency respondBy followUpAt sentAt
    client { id } service { id } organization { id } referredBy { id } goal { id }
    history { status actor { id } note }
  }
}`;

interface Created {
  createReferral: {
    id: string;
    status: string;
    need: string;
    urgency: string;
    paidByContract: boolean;
    respondBy: string | null;
    client: { id: string };
    service: { id: string };
    organization: { id: string };
    referredBy: { id: string };
    goal: { id: string } | null;
    history: Array<{ status: string; actor: { id: string } | null; note: string | null }>;
  };
}

let r: ReferralsTest;
const casey = demoStaff('casey');
const jordan = demoStaff('jordan');
const UNKNOWN = '00000000-0000-4000-8000-000000000999';

testbedForSuite((t) => (r = t));

const client = () => r.world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
const jordansClient = () => r.world.clients.find((c) => c.caseManagerId === jordan.id && c.status === 'ACTIVE')!;
const input = (overrides: Record<string, unknown> = {}) => ({
  clientId: client().id,
  serviceId: r.pantry().id,
  need: 'Food security: not enough food at home',
  necessaryRationale: 'Hunger is getting in the way of the job search.',
  appropriateRationale: 'The pantry is a short walk from home and has capacity.',
  ...overrides,
});
const referralCount = async () => Number((await r.query<{ n: string }>('SELECT count(*) AS n FROM referrals.referral'))[0].n);
const eventCount = async () => Number((await r.query<{ n: string }>('SELECT count(*) AS n FROM referrals.referral_event'))[0].n);
const counts = async () => ({ referrals: await referralCount(), events: await eventCount() });

describe('createReferral: what a case manager may do', () => {
  it("creates a DRAFT to the service's organization with a DRAFT event and a CREATE audit, asking each owner once", async () => {
    const before = await counts();
    const mark = await r.auditMark();
    const res = await r.as<Created>('casey', CREATE, {
      input: input({ urgency: 'URGENT', paidByContract: true, serviceAtLocationId: r.pantry().serviceAtLocationId }),
    });
    expect(res.errors).toBeUndefined();
    const created = res.data!.createReferral;
    expect(created).toMatchObject({
      status: 'DRAFT',
      need: 'Food security: not enough food at home',
      urgency: 'URGENT',
      paidByContract: true,
      respondBy: null,
      client: { id: client().id },
      service: { id: r.pantry().id },
      organization: { id: NORTHSIDE_ID },
      referredBy: { id: casey.id },
      goal: null,
      history: [{ status: 'DRAFT', actor: { id: casey.id }, note: null }],
    });
    expect(await counts()).toEqual({ referrals: before.referrals + 1, events: before.events + 1 });
    expect({ clients: r.clients.batches, directory: r.directory.batches }).toEqual({
      clients: [[client().id]],
      directory: [[r.pantry().id]],
    });
    const [row] = await r.query<{ service_taxonomy_term_ids: string[]; client_organization_id: string }>(
      'SELECT service_taxonomy_term_ids, client_organization_id FROM referrals.referral WHERE id = $1',
      [created.id],
    );
    expect(row).toEqual({ service_taxonomy_term_ids: [demoId('taxonomy_term', '1130')], client_organization_id: client().organizationId });
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        outcome: 'ALLOWED',
        entity_type: 'Referral',
        entity_id: created.id,
        client_id: client().id,
        actor_id: casey.id,
      }),
    ]);
  });

  it('returns the first referral for a repeated clientMutationId and input, and creates nothing, sequentially and concurrently', async () => {
    const first = await r.as<Created>('casey', CREATE, { input: input({ clientMutationId: 'retry-1' }) });
    const before = await counts();
    const again = await r.as<Created>('casey', CREATE, { input: input({ clientMutationId: 'retry-1' }) });
    expect(again.errors).toBeUndefined();
    expect(again.data!.createReferral.id).toBe(first.data!.createReferral.id);
    expect(again.data!.createReferral.need).toBe('Food security: not enough food at home');
    expect(await counts()).toEqual(before);
    const changed = await r.as('casey', CREATE, { input: input({ clientMutationId: 'retry-1', need: 'changed on retry' }) });
    expect(errorCodes(changed)).toEqual(['CONFLICT']);
    expect(changed.errors![0].extensions!.field).toBe('input.clientMutationId');
    expect(await counts()).toEqual(before);

    const racing = await Promise.all([1, 2, 3].map(() => r.as<Created>('casey', CREATE, { input: input({ clientMutationId: 'race-1' }) })));
    expect(racing.map((x) => x.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(racing.map((x) => x.data!.createReferral.id)).size).toBe(1);
    expect(await counts()).toEqual({ referrals: before.referrals + 1, events: before.events + 1 });
  });

  it("keeps idempotency keys per caller: the supervisor's same key makes a referral of its own", async () => {
    const mine = await r.as<Created>('casey', CREATE, { input: input({ clientMutationId: 'shared-key' }) });
    const sams = await r.as<Created>('sam', CREATE, { input: input({ clientMutationId: 'shared-key' }) });
    expect(sams.errors).toBeUndefined();
    expect(sams.data!.createReferral.id).not.toBe(mine.data!.createReferral.id);
    expect(sams.data!.createReferral.referredBy).toEqual({ id: demoStaff('sam').id });
  });
});

describe('createReferral: validation, references and owners that are down', () => {
  it.each([
    ['input.clientId', { clientId: 'not-a-uuid' }],
    ['input.serviceId', { serviceId: '12' }],
    ['input.serviceAtLocationId', { serviceAtLocationId: 'sal' }],
    ['input.goalId', { goalId: 'goal' }],
    ['input.need', { need: '  ' }],
    ['input.necessaryRationale', { necessaryRationale: 'x'.repeat(2001) }],
    ['input.appropriateRationale', { appropriateRationale: '' }],
    ['input.respondBy', { respondBy: '2020-01-01T00:00:00Z' }],
    ['input.followUpAt', { followUpAt: new Date(Date.now() - 60_000).toISOString() }],
    ['input.clientMutationId', { clientMutationId: 'k'.repeat(201) }],
  ])('refuses a bad %s with BAD_USER_INPUT before asking anyone, and writes nothing', async (field, change) => {
    const before = await counts();
    const res = await r.as('casey', CREATE, { input: input(change) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.data).toBeNull();
    expect(await counts()).toEqual(before);
    expect(r.clients.calls + r.directory.calls).toBe(0);
  });

  it.each([
    ['an unknown client', () => input({ clientId: UNKNOWN }), 'NOT_FOUND', undefined],
    ["another case manager's client", () => input({ clientId: jordansClient().id }), 'FORBIDDEN', undefined],
    ['an unknown service', () => input({ serviceId: UNKNOWN }), 'NOT_FOUND', undefined],
    [
      'a location of another service',
      () => input({ serviceAtLocationId: r.world.services[0].serviceAtLocationId }),
      'BAD_USER_INPUT',
      'input.serviceAtLocationId',
    ],
  ])('refuses %s and creates nothing', async (_name, make, code, field) => {
    const before = await counts();
    const res = await r.as('casey', CREATE, { input: make() });
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it.each(['inactive', 'defunct', 'temporarily closed'])('refuses a service whose status is %s', async (status) => {
    r.directory.overrides.set(r.pantry().id, { status });
    const before = await counts();
    const res = await r.as('casey', CREATE, { input: input() });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]).toMatchObject({
      message: `input.serviceId is not an active service (its status is ${status})`,
      extensions: { field: 'input.serviceId' },
    });
    expect(await counts()).toEqual(before);
  });

  it("audits the refusal of another case manager's client", async () => {
    const mark = await r.auditMark();
    await r.as('casey', CREATE, { input: input({ clientId: jordansClient().id }) });
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({
        action: 'CREATE',
        outcome: 'DENIED',
        entity_type: 'Referral',
        client_id: jordansClient().id,
        actor_id: casey.id,
      }),
    ]);
  });

  it.each(['pat', 'alex', 'admin'] as const)('refuses %s (not on the case side) with FORBIDDEN, asking no one', async (key) => {
    const before = await counts();
    const res = await r.as(key, CREATE, { input: input() });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(await counts()).toEqual(before);
    expect(r.clients.calls + r.directory.calls).toBe(0);
  });

  it('answers UNAVAILABLE and creates nothing when the clients or the resources subgraph is down or failing', async () => {
    const before = await counts();
    r.clients.down = true;
    expect(errorCodes(await r.as('casey', CREATE, { input: input() }))).toEqual(['UNAVAILABLE']);
    r.clients.down = false;
    r.directory.down = true;
    const directoryDown = await r.as('casey', CREATE, { input: input() });
    expect(errorCodes(directoryDown)).toEqual(['UNAVAILABLE']);
    expect(directoryDown.errors![0].message).toMatch(/directory/);
    r.directory.down = false;
    r.directory.failWithError = true;
    expect(errorCodes(await r.as('casey', CREATE, { input: input() }))).toEqual(['UNAVAILABLE']);
    expect(await counts()).toEqual(before);

    r.directory.failWithError = false;
    const back = await r.as<Created>('casey', CREATE, { input: input() });
    expect(back.data!.createReferral.status).toBe('DRAFT');
  });
});
