/**
 * What the browser tests run against: in this process a fresh database with
 * the demo world, the four subgraphs and the gateway with its demo sign-in
 * (as `npm start` has it), and the dashboard built for production (in a
 * child process: Vite cannot load inside jest) and served as `npm start`
 * serves it, by the static server with its security headers, /graphql,
 * /auth and /hsds passed to the gateway. Given an OIDC sign-in, the gateway
 * verifies that issuer's tokens instead (no demo sign-in) and the dashboard's
 * config.json names it, as a deployment's does.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoWorld } from '@caseflow/demo';
import {
  SUBGRAPH_SCHEMAS,
  SUPERGRAPH_FILE,
  type Stack,
  createDashboardServer,
  migrateSubgraphs,
  seedDemo,
  startStack,
} from '@caseflow/platform';
import type { BearerVerifier } from '@caseflow/auth';
import { demoLogin } from '@caseflow/gateway';
import { createTestDatabase, createTestIssuer, testEventsRole, testPlatformRoles } from '@caseflow/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface DashboardStack {
  stack: Stack;
  /** The dashboard's address, e.g. http://127.0.0.1:51234 */
  url: string;
  stop(): Promise<void>;
}

/** Builds the dashboard into `outDir` as `npm start` builds it (tools/lib/dashboard.ts), in a child process. */
function buildDashboard(outDir: string): Promise<void> {
  const code = `require('./tools/lib/dashboard').ensureDashboardBuild(${JSON.stringify(outDir)})`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (status) => (status === 0 ? resolve() : reject(new Error(`The dashboard build failed (exit ${status})`))));
  });
}

export interface DashboardStackOptions {
  /** The dashboard's port (0: any free one). */
  port?: number;
  /** Sign-in at an OIDC issuer: the gateway's verifier of its tokens and the dashboard's `auth` settings (config.json). */
  oidc?: { verifyBearer: BearerVerifier; auth: Record<string, unknown> };
}

export async function startDashboardStack(options: DashboardStackOptions = {}): Promise<DashboardStack> {
  const outDir = mkdtempSync(join(tmpdir(), 'caseflow-dashboard-'));
  const building = buildDashboard(outDir);
  building.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const databaseUrl = await createTestDatabase('dashboard');
  const roles = await testPlatformRoles(databaseUrl, SUBGRAPH_SCHEMAS);
  const eventsUrl = (await testEventsRole(databaseUrl)).ownerUrl;
  await migrateSubgraphs({ ...roles, eventsUrl });
  await seedDemo(roles.migrationUrlFor, demoWorld(new Date()));
  const issuer = createTestIssuer();
  const stack = await startStack({
    databaseUrlFor: roles.runtimeUrlFor,
    internalSecret: randomBytes(24).toString('hex'),
    verifyBearer: options.oidc?.verifyBearer ?? issuer.verifier,
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    logLevel: 'silent',
    jobIntervalMs: 0,
    eventsDatabaseUrl: eventsUrl,
    demoLogin: options.oidc ? undefined : demoLogin(issuer.privateKeyPem, issuer.issuer, issuer.audience),
  });
  await building.catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  if (options.oidc) writeFileSync(join(outDir, 'config.json'), JSON.stringify({ auth: { mode: 'oidc', ...options.oidc.auth } }));
  const dashboard = createDashboardServer({ distDir: outDir, gatewayBaseUrl: stack.gatewayBaseUrl });
  const port = await dashboard.listen(options.port ?? 0);
  return {
    stack,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await dashboard.stop();
      await stack.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
