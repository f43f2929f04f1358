/**
 * Who may call, and what happens when the platform cannot keep its promises:
 * bearer tokens must expire within 12 hours and name an active staff member
 * with that role and organization (checked against the staff directory,
 * cached a minute at most); a read whose audit event cannot be written
 * answers UNAVAILABLE without the data; a request that timed out commits
 * nothing. Each refusal asserts that nothing ran: no audit row, no change.
 */
import { createPrivateKey, randomUUID } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import { Client } from 'pg';
import type { Actor } from '@caseflow/auth';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, type GraphQLResponse, postGraphQL } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, statementCounts, type TestStack } from './harness';

const ME = '{ me { id role } }';
const OPEN_CLIENT = 'mutation Open($input: OpenClientInput!) { openClient(input: $input) { id } }';
const FOLLOW_UP =
  'mutation FollowUp($clientId: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $clientId, at: $at) { id nextFollowUpAt } }';
const AUDIT_TABLES = ['clients.audit_event', 'plans.audit_event', 'referrals.audit_event', 'resources.audit_event'];

async function auditCounts(stack: TestStack): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of AUDIT_TABLES) {
    const exists = await stack.sql<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table]);
    if (exists[0].t) out[table] = Number((await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  }
  out['clients.client'] = Number((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM clients.client'))[0].n);
  return out;
}

/** A token signed with the stack issuer's key, with exactly these claims (and iat unless told not to). */
async function bearer(
  stack: TestStack,
  claims: JWTPayload,
  options: { subject: string; expiresIn?: number; noTimestamp?: boolean },
): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setSubject(options.subject)
    .setIssuer(stack.issuer.issuer)
    .setAudience(stack.issuer.audience);
  if (!options.noTimestamp) token.setIssuedAt(now);
  if (options.expiresIn !== undefined) token.setExpirationTime(now + options.expiresIn);
  return { authorization: `Bearer ${await token.sign(createPrivateKey(stack.issuer.privateKeyPem))}` };
}

const asToken = async (stack: TestStack, actor: Actor) => ({ authorization: `Bearer ${await stack.issuer.token(actor)}` });

describe('bearer tokens and the staff directory', () => {
  let stack: TestStack;
  // The gateway's staff cache reads this clock: tests move it past the minute instead of waiting.
  let skewMs = 0;
  beforeAll(async () => {
    stack = await startTestStack({ production: true, gateway: { now: () => Date.now() + skewMs } });
  });
  afterAll(() => stack?.stop());

  /** Sends `query` with `headers` and expects `status` and `code`, with no data, no audit row, no change. */
  async function refused(
    headers: Promise<Record<string, string>>,
    status: number,
    code: string,
    query = ME,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse> {
    const before = await auditCounts(stack);
    const statements = statementCounts(stack);
    const res = await postGraphQL(stack.gatewayUrl, query, variables, headers);
    expect({ status: res.status, codes: errorCodes(res) }).toEqual({ status, codes: [code] });
    expect(res.data ?? null).toBeNull();
    expect(await auditCounts(stack)).toEqual(before);
    // Only the clients subgraph may have been asked (the staff lookup); no other subgraph ran anything.
    const after = statementCounts(stack);
    expect({ plans: after.plans, referrals: after.referrals, resources: after.resources }).toEqual({
      plans: statements.plans,
      referrals: statements.referrals,
      resources: statements.resources,
    });
    return res;
  }

  it('answers a token of an active staff member that names their role and organization', async () => {
    const res = await postGraphQL(stack.gatewayUrl, ME, {}, asToken(stack, stack.actor('casey')));
    expect(res.data).toEqual({ me: { id: stack.actor('casey').staffId, role: 'CASE_MANAGER' } });
  });

  it('refuses a token without an expiry', async () => {
    const casey = stack.actor('casey');
    const res = await refused(
      bearer(stack, { role: casey.role, org: casey.organizationId }, { subject: casey.staffId }),
      401,
      'UNAUTHENTICATED',
    );
    expect(res.errors![0].message).toMatch(/expiry/);
  });

  it('refuses a token living longer than 12 hours (13 hours after iat, or 13 hours ahead without iat)', async () => {
    const casey = stack.actor('casey');
    const claims = { role: casey.role, org: casey.organizationId };
    const res = await refused(bearer(stack, claims, { subject: casey.staffId, expiresIn: 13 * 3600 }), 401, 'UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/12 hours/);
    const noIat = { ...claims, exp: Math.floor(Date.now() / 1000) + 13 * 3600 };
    await refused(bearer(stack, noIat, { subject: casey.staffId, noTimestamp: true }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token naming a staff id that does not exist, for reads and writes alike', async () => {
    const ghost: Actor = { ...stack.actor('casey'), staffId: randomUUID() };
    const res = await refused(asToken(stack, ghost), 401, 'UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(/no known staff member/);
    const input = { firstName: 'Ghost', lastName: 'Writer', dateOfBirth: '1990-01-01' };
    await refused(asToken(stack, ghost), 401, 'UNAUTHENTICATED', OPEN_CLIENT, { input });
  });

  it('refuses a token claiming a role the person does not have', async () => {
    await refused(asToken(stack, { ...stack.actor('casey'), role: 'SUPERVISOR' }), 401, 'UNAUTHENTICATED');
    await refused(asToken(stack, { ...stack.actor('pat'), role: 'ADMIN' }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token claiming an organization the person is not in', async () => {
    await refused(asToken(stack, { ...stack.actor('casey'), organizationId: NORTHSIDE_ID }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a deactivated staff member once the cached answer is a minute old, and a re-roled one likewise', async () => {
    const jordan = stack.actor('jordan');
    const sam = stack.actor('sam');
    expect((await postGraphQL(stack.gatewayUrl, ME, {}, asToken(stack, jordan))).data).toEqual({
      me: { id: jordan.staffId, role: 'CASE_MANAGER' },
    });
    expect((await postGraphQL(stack.gatewayUrl, ME, {}, asToken(stack, sam))).data).toEqual({
      me: { id: sam.staffId, role: 'SUPERVISOR' },
    });
    await stack.sql('UPDATE clients.staff_member SET active = false WHERE id = $1', [jordan.staffId]);
    await stack.sql(`UPDATE clients.staff_member SET role = 'CASE_MANAGER' WHERE id = $1`, [sam.staffId]);
    try {
      skewMs += 61_000;
      const res = await refused(asToken(stack, jordan), 401, 'UNAUTHENTICATED');
      expect(res.errors![0].message).toMatch(/no longer active/);
      await refused(asToken(stack, sam), 401, 'UNAUTHENTICATED');
    } finally {
      await stack.sql('UPDATE clients.staff_member SET active = true WHERE id = $1', [jordan.staffId]);
      await stack.sql(`UPDATE clients.staff_member SET role = 'SUPERVISOR' WHERE id = $1`, [sam.staffId]);
    }
    skewMs += 61_000;
    expect((await postGraphQL(stack.gatewayUrl, ME, {}, asToken(stack, jordan))).data).toEqual({
      me: { id: jordan.staffId, role: 'CASE_MANAGER' },
    });
  });

  it('answers UNAVAILABLE, running nothing, when the staff directory (clients subgraph) is down', async () => {
    await stack.stopSubgraph('clients');
    try {
      skewMs += 61_000;
      const res = await refused(asToken(stack, stack.actor('alex')), 503, 'UNAVAILABLE');
      expect(res.errors![0].message).toMatch(/could not be checked/);
      // The directory's answer for a known person has expired too: no stale pass while it is down.
      await refused(asToken(stack, stack.actor('pat')), 503, 'UNAVAILABLE');
    } finally {
      await stack.startSubgraph('clients');
    }
  });

  it('refuses an unknown staff member on the HSDS pass-through too', async () => {
    const response = await fetch(`${stack.gatewayBaseUrl}/hsds/services`, {
      headers: await asToken(stack, { ...stack.actor('pat'), staffId: randomUUID() }),
    });
    expect(response.status).toBe(401);
    expect(errorCodes((await response.json()) as GraphQLResponse)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('audit fails closed', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ production: true });
  });
  afterAll(() => stack?.stop());

  // As the database's superuser, the test makes every insert into the clients audit table fail.
  const breakAudit = () =>
    stack.sql(`CREATE FUNCTION clients.test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit storage is down'; END $$;
               CREATE TRIGGER test_audit_down BEFORE INSERT ON clients.audit_event FOR EACH STATEMENT EXECUTE FUNCTION clients.test_audit_down()`);
  const repairAudit = () => stack.sql('DROP TRIGGER test_audit_down ON clients.audit_event; DROP FUNCTION clients.test_audit_down()');

  it("answers a client read UNAVAILABLE with none of the client's data, and refuses a write, changing nothing", async () => {
    const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;
    const ok = await stack.as<{ client: { lastName: string } }>('casey', operation('client-profile', 'ClientProfile'), { id: client.id });
    expect(ok.data!.client.lastName).toBe(client.lastName);

    const row = () => stack.sql('SELECT next_follow_up_at, updated_at FROM clients.client WHERE id = $1', [client.id]);
    const before = await row();
    await breakAudit();
    try {
      const read = await stack.as('casey', operation('client-profile', 'ClientProfile'), { id: client.id });
      expect(errorCodes(read)).toContain('UNAVAILABLE');
      expect(read.data?.client ?? null).toBeNull();
      expect(JSON.stringify(read)).not.toContain(client.lastName);

      const write = await stack.as('casey', FOLLOW_UP, { clientId: client.id, at: new Date(Date.now() + 7 * 86_400_000).toISOString() });
      expect(errorCodes(write)).toEqual(['UNAVAILABLE']);
      expect(write.data ?? null).toBeNull();
      expect(await row()).toEqual(before);
    } finally {
      await repairAudit();
    }
    const again = await stack.as<{ client: { lastName: string } }>('casey', operation('client-profile', 'ClientProfile'), {
      id: client.id,
    });
    expect(again.data!.client.lastName).toBe(client.lastName);
  });
});

describe('a request that timed out commits nothing', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ production: true, gateway: { requestTimeoutMs: 1500 } });
  });
  afterAll(() => stack?.stop());

  /** Waits until no other session of the test database is running a statement or holding a transaction open. */
  async function settled(): Promise<void> {
    for (let i = 0; i < 100; i += 1) {
      const [{ n }] = await stack.sql<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'`,
      );
      if (Number(n) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the database did not settle');
  }

  it('answers 503 to a mutation held up past the timeout, and the change never commits', async () => {
    const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;
    // Warm the path (the staff check, the query plan) so that only the lock below is slow.
    expect((await stack.as('casey', ME)).data).toEqual({ me: { id: stack.actor('casey').staffId, role: 'CASE_MANAGER' } });
    const row = () => stack.sql('SELECT next_follow_up_at, updated_at FROM clients.client WHERE id = $1', [client.id]);
    const events = () =>
      stack.sql('SELECT count(*) AS n FROM clients.audit_event WHERE client_id = $1 AND action = $2', [client.id, 'UPDATE']);
    const before = { row: await row(), events: await events() };

    const locker = new Client({ connectionString: stack.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM clients.client WHERE id = $1 FOR UPDATE', [client.id]);
      const res = await stack.as('casey', FOLLOW_UP, { clientId: client.id, at: new Date(Date.now() + 7 * 86_400_000).toISOString() });
      expect({ status: res.status, codes: errorCodes(res) }).toEqual({ status: 503, codes: ['UNAVAILABLE'] });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await settled();
    expect({ row: await row(), events: await events() }).toEqual(before);

    // With nothing in its way the same change goes through.
    const done = await stack.as<{ scheduleFollowUp: { nextFollowUpAt: string } }>('casey', FOLLOW_UP, {
      clientId: client.id,
      at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(done.data!.scheduleFollowUp.nextFollowUpAt).toBeTruthy();
  });
});
