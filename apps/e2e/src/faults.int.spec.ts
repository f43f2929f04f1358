/**
 * The faults suite: a subgraph that goes away and comes back, a database that
 * goes away and comes back (this suite owns that PostgreSQL), and a burst of
 * retried mutations. The platform must answer what it can, fail fast and
 * clearly with UNAVAILABLE, recover by itself, and never lose or duplicate an
 * acknowledged write.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@caseflow/core';
import { withDatabase } from '@caseflow/db';
import { errorCodes, type OwnedPostgres, startOwnedPostgres } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, type TestStack } from './harness';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: TestStack;
let pg: OwnedPostgres;
const dataDir = mkdtempSync(join(tmpdir(), 'caseflow-faults-pg-'));
let port: number;

async function startDatabase(): Promise<void> {
  pg = await startOwnedPostgres(dataDir, port);
}

beforeAll(async () => {
  port = await freePort();
  await startDatabase();
  const admin = new Client({ connectionString: pg.url });
  await admin.connect();
  await admin.query('CREATE DATABASE faults');
  await admin.end();
  stack = await startTestStack({ databaseUrl: withDatabase(pg.url, 'faults') });
});
afterAll(async () => {
  await stack?.stop();
  await pg?.stop();
});

describe('one subgraph down', () => {
  it('still answers the caseload and the client file with what the others own, names the missing part, and is whole again when it returns', async () => {
    const client = stack.world.clients.find((c) => c.caseManagerId === stack.staff('casey').id && c.status === 'ACTIVE')!;
    await stack.stopSubgraph('plans');
    try {
      const caseload = await stack.as<Data>('casey', operation('caseload', 'Caseload'), { first: 10 });
      expect(caseload.data!.myCaseload.edges.length).toBeGreaterThan(0);
      expect(caseload.data!.myCaseload.edges.every((e: Data) => e.node.activePlan === null)).toBe(true);
      expect(caseload.data!.myCaseload.edges.some((e: Data) => e.node.referrals?.length > 0)).toBe(true);
      expect(caseload.errors!.length).toBeGreaterThan(0);
      expect(caseload.errors!.every((e) => e.extensions?.code === 'UNAVAILABLE' && /plans/.test(e.message))).toBe(true);

      const file = await stack.as<Data>('casey', operation('client-profile', 'ClientProfile'), { id: client.id });
      expect(file.data!.client).toMatchObject({ id: client.id, actionPlans: null });
      expect(file.data!.client.consents).toEqual(expect.any(Array));
      expect(errorCodes(file)).toContain('UNAVAILABLE');
    } finally {
      await stack.startSubgraph('plans');
    }
    const whole = await stack.as<Data>('casey', operation('caseload', 'Caseload'), { first: 10 });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.myCaseload.edges.some((e: Data) => e.node.activePlan !== null)).toBe(true);
  });
});

describe('the database down', () => {
  it('fails fast with UNAVAILABLE and reports not ready, then recovers by itself, keeping what it acknowledged', async () => {
    const opened = await stack.as<Data>('casey', operation('intake', 'OpenClient'), {
      input: { firstName: 'Before', lastName: 'Outage', clientMutationId: 'faults-before' },
    });
    const acknowledged = opened.data!.openClient.id as string;

    await pg.stop();
    try {
      const started = Date.now();
      const res = await stack.as<Data>('casey', `query($id: ID!) { client(id: $id) { id displayName } }`, { id: acknowledged });
      const elapsed = Date.now() - started;
      expect(errorCodes(res)).toEqual(['UNAVAILABLE']);
      expect(res.data).toEqual({ client: null });
      expect(elapsed).toBeLessThan(2000);
      const ready = await fetch(`${stack.subgraphs.clients.baseUrl}/ready`);
      expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 503, body: { ready: false } });
      expect((await fetch(`${stack.subgraphs.clients.baseUrl}/health`)).status).toBe(200);
    } finally {
      await startDatabase();
    }

    const after = await stack.as<Data>('casey', `query($id: ID!) { client(id: $id) { id displayName } }`, { id: acknowledged });
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual({ client: { id: acknowledged, displayName: 'Before Outage' } });
    expect((await fetch(`${stack.subgraphs.clients.baseUrl}/ready`)).status).toBe(200);
  });
});

describe('a burst of retried mutations', () => {
  it('200 concurrent intakes, each sent twice with its idempotency key, create each client exactly once and lose none', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `burst-${i}`);
    const countBefore = Number((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM clients.client'))[0].n);
    const send = async (key: string): Promise<string> => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const res = await stack.as<Data>('casey', operation('intake', 'OpenClient'), {
          input: { firstName: 'Burst', lastName: key, clientMutationId: key },
        });
        if (res.data?.openClient?.id) return res.data.openClient.id as string;
        // Only "retry later" answers are retried; anything else is a real failure.
        expect(errorCodes(res)).toEqual(['UNAVAILABLE']);
      }
      throw new Error(`no answer for ${key}`);
    };
    const answers = await Promise.all([...keys, ...keys].map((key) => send(key).then((id) => ({ key, id }))));
    const byKey = new Map<string, Set<string>>();
    for (const { key, id } of answers) byKey.set(key, (byKey.get(key) ?? new Set()).add(id));
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);
    const acknowledged = [...byKey.values()].map((ids) => [...ids][0]);
    const stored = await stack.sql<{ id: string }>('SELECT id FROM clients.client WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored).toHaveLength(100);
    expect(Number((await stack.sql<{ n: string }>('SELECT count(*) AS n FROM clients.client'))[0].n)).toBe(countBefore + 100);
  });
});
