/**
 * The platform as production runs it: `npm run build`'s output, each service
 * its own plain `node` process (no ts-node, no TypeScript), in production
 * mode, on loopback ports — the four subgraphs as their runtime roles, the
 * gateway trusting an issuer's JWKS, the compiled migration step run first as
 * the owner roles, as the Kubernetes migration Job runs it.
 */
import { execFileSync } from 'node:child_process';
import { createPublicKey, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Actor } from '@caseflow/auth';
import { type DemoWorld, demoStaff, demoWorld } from '@caseflow/demo';
import { SUBGRAPH_NAMES, SUBGRAPH_SCHEMAS, type SubgraphName, seedDemo } from '@caseflow/platform';
import {
  createTestDatabase,
  createTestIssuer,
  freePort,
  type GraphQLResponse,
  postGraphQL,
  type ServiceProcess,
  spawnService,
  testEventsRole,
  testPlatformRoles,
  type TestPlatformRoles,
} from '@caseflow/testing';
import type { StaffKey } from './harness';

const ROOT = join(__dirname, '..', '..', '..');
/** The apps `npm run build` compiles that run as services (the dashboard aside). */
export const COMPILED_APPS = ['clients', 'plans', 'referrals', 'resources', 'notifications', 'gateway', 'migrate'] as const;
export const compiledEntry = (app: string) => `dist/apps/${app}/apps/${app}/src/main.js`;
const START_TIMEOUT_MS = 120_000;

/**
 * Builds the services with Nx (`npm run build`'s targets): a fresh checkout
 * compiles them; unchanged sources are restored from Nx's cache, so a build
 * that is up to date costs seconds.
 */
export function ensureCompiled(): void {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'nx'),
    ['run-many', '-t', 'build', '-p', COMPILED_APPS.join(','), '--output-style=static'],
    {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false' },
      stdio: 'ignore',
    },
  );
}

/** Runs a compiled entry to its end; resolves with its output, rejects on a non-zero exit. */
export async function runCompiled(app: string, env: Record<string, string>): Promise<string> {
  const service = spawnService(compiledEntry(app), env);
  const code = await service.exited;
  if (code !== 0) throw new Error(`${app} exited with ${code}:\n${service.output()}`);
  return service.output();
}

export interface CompiledStack {
  gatewayUrl: string;
  databaseUrl: string;
  roles: TestPlatformRoles<SubgraphName>;
  /** The queue of the domain events (EVENTS_DATABASE_URL), as its own role. */
  eventsUrl: string;
  world: DemoWorld;
  services: Record<string, ServiceProcess>;
  /** The compiled migration step's output. */
  migrated: string;
  staff: typeof demoStaff;
  as<T = Record<string, unknown>>(key: StaffKey, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Serves the issuer's public key as a JWKS on loopback, as an OIDC provider would. */
async function serveJwks(publicKeyPem: string) {
  const body = JSON.stringify({ keys: [{ ...createPublicKey(publicKeyPem).export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] });
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function stopProcess(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), 15_000);
  await service.exited;
  clearTimeout(timer);
}

export async function startCompiledStack(): Promise<CompiledStack> {
  const databaseUrl = await createTestDatabase('compiled');
  const roles = await testPlatformRoles(databaseUrl, SUBGRAPH_SCHEMAS);
  const eventsUrl = (await testEventsRole(databaseUrl)).ownerUrl;
  const migrated = await runCompiled('migrate', {
    ...Object.fromEntries(
      SUBGRAPH_NAMES.flatMap((name) => [
        [`${name.toUpperCase()}_MIGRATION_DATABASE_URL`, roles.migrationUrlFor(name)],
        [`${name.toUpperCase()}_DATABASE_URL`, roles.runtimeUrlFor(name)],
      ]),
    ),
    EVENTS_DATABASE_URL: eventsUrl,
  });
  const world = demoWorld(new Date());
  await seedDemo(roles.migrationUrlFor, world);

  const issuer = createTestIssuer();
  const jwks = await serveJwks(issuer.publicKeyPem);
  const internalSecret = randomBytes(24).toString('hex');
  const ports = Object.fromEntries(await Promise.all([...SUBGRAPH_NAMES, 'gateway'].map(async (n) => [n, await freePort()])));
  const base = (name: string) => `http://127.0.0.1:${ports[name]}`;
  const peers = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, base(name)]));
  const services: Record<string, ServiceProcess> = {};
  const stopAll = async () => {
    await Promise.all(Object.values(services).map(stopProcess));
    await jwks.close();
  };
  try {
    await Promise.all(
      SUBGRAPH_NAMES.map((name) => {
        services[name] = spawnService(compiledEntry(name), {
          NODE_ENV: 'production',
          [`${name.toUpperCase()}_PORT`]: String(ports[name]),
          [`${name.toUpperCase()}_DATABASE_URL`]: roles.runtimeUrlFor(name),
          EVENTS_DATABASE_URL: eventsUrl,
          INTERNAL_TOKEN_SECRET: internalSecret,
          JOB_INTERVAL_MS: '0',
          // Metrics on a port the system picks: never the fixed ones a running `npm start` holds.
          METRICS_PORT: '0',
          LOG_LEVEL: 'info',
          ...peers,
        });
        return services[name].waitFor(/subgraph listening/, START_TIMEOUT_MS);
      }),
    );
    services.gateway = spawnService(compiledEntry('gateway'), {
      NODE_ENV: 'production',
      GATEWAY_PORT: String(ports.gateway),
      INTERNAL_TOKEN_SECRET: internalSecret,
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWKS_URL: jwks.url,
      METRICS_PORT: '0',
      LOG_LEVEL: 'info',
      ...peers,
    });
    await services.gateway.waitFor(/gateway listening/, START_TIMEOUT_MS);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const gatewayUrl = `${base('gateway')}/graphql`;
  const actor = (key: StaffKey): Actor => {
    const s = demoStaff(key);
    return { staffId: s.id, role: s.role, organizationId: s.organizationId };
  };
  return {
    gatewayUrl,
    databaseUrl,
    roles,
    eventsUrl,
    world,
    services,
    migrated,
    staff: demoStaff,
    as: async (key, query, variables = {}) =>
      postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${await issuer.token(actor(key))}` }),
    stop: stopAll,
  };
}
