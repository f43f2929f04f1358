/**
 * What the browser tests run against: in this process a fresh database with
 * the demo world, the four subgraphs and the gateway with its demo sign-in
 * (as `npm start` has it); in a child process the dashboard, built for
 * production and served on a free port with /graphql, /auth and /hsds
 * proxied to the gateway.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoWorld } from '@caseflow/demo';
import { SUBGRAPH_SCHEMAS, SUPERGRAPH_FILE, type Stack, demoLogin, migrateSubgraphs, seedDemo, startStack } from '@caseflow/platform';
import { createTestDatabase, createTestIssuer, freePort, testPlatformRoles } from '@caseflow/testing';

export const SERVE_SCRIPT = join(__dirname, '..', 'serve-dashboard.js');

export interface DashboardStack {
  stack: Stack;
  /** The dashboard's address, e.g. http://127.0.0.1:51234 */
  url: string;
  stop(): Promise<void>;
}

/** Builds and serves the dashboard in a child process; resolves with its URL once it listens. */
function serveDashboard(gatewayBaseUrl: string, port: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [SERVE_SCRIPT, gatewayBaseUrl, String(port)], { cwd: join(__dirname, '..', '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready) resolve({ url: ready[1], child });
    });
    child.once('exit', (code) => reject(new Error(`The dashboard server stopped (exit ${code}) before it was ready`)));
  });
}

export async function startDashboardStack(): Promise<DashboardStack> {
  const databaseUrl = await createTestDatabase('dashboard');
  const roles = await testPlatformRoles(databaseUrl, SUBGRAPH_SCHEMAS);
  await migrateSubgraphs(roles);
  await seedDemo(roles.migrationUrlFor, demoWorld(new Date()));
  const issuer = createTestIssuer();
  const stack = await startStack({
    databaseUrlFor: roles.runtimeUrlFor,
    internalSecret: randomBytes(24).toString('hex'),
    verifyBearer: issuer.verifier,
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    logLevel: 'silent',
    jobIntervalMs: 0,
    demoLogin: demoLogin(issuer.privateKeyPem, issuer.issuer, issuer.audience),
  });
  const { url, child } = await serveDashboard(stack.gatewayBaseUrl, await freePort()).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return {
    stack,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await stack.stop();
    },
  };
}
