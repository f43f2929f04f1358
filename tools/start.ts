/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations
 * (the step of `npm run migrate`),
 * demo data on the first run, the five subgraphs, the gateway and the
 * dashboard (built static files with security headers, the API passed to the
 * gateway; Vite's development server only with --dev).
 * Each service's metrics answer on its own port (GATEWAY_METRICS_PORT 9400,
 * CLIENTS_… 9401, PLANS_… 9402, REFERRALS_… 9403, RESOURCES_… 9404, NOTIFICATIONS_METRICS_PORT 9405);
 * traces follow the OTEL_* variables.
 * Prints the URLs and how to get a token; Ctrl-C or SIGTERM stops everything.
 */
// First: tracing instruments node:http, undici, pg and graphql as they load.
import './lib/tracing';
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createBearerVerifier, ensureDevKeys } from '@caseflow/auth';
import { loadConfigOrExit, setting } from '@caseflow/config';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { demoLogin } from '@caseflow/gateway';
import { describeMailDestination, loadMailSettings } from '@caseflow/notifications';
import { SUPERGRAPH_FILE, isSeeded, migrateSubgraphs, seedDemo, startStack } from '@caseflow/platform';
import { startTracing } from '@caseflow/telemetry';
import { dashboardMode, ensureDashboardBuild, serveBuiltDashboard, startDashboardDevServer } from './lib/dashboard';
import { KEYS_DIR, localConfig, localDatabase } from './lib/local';

async function main(): Promise<void> {
  const config = localConfig();
  const { DASHBOARD_PORT, DASHBOARD_TRUST_PROXY, ...metricsPorts } = loadConfigOrExit(
    z.object({
      DASHBOARD_PORT: setting.port(4200),
      DASHBOARD_TRUST_PROXY: setting.boolean(false),
      GATEWAY_METRICS_PORT: setting.port(9400),
      CLIENTS_METRICS_PORT: setting.port(9401),
      PLANS_METRICS_PORT: setting.port(9402),
      REFERRALS_METRICS_PORT: setting.port(9403),
      RESOURCES_METRICS_PORT: setting.port(9404),
      NOTIFICATIONS_METRICS_PORT: setting.port(9405),
    }),
  );
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // Decided first: a refused development server stops the start before anything runs.
  const mode = dashboardMode(process.argv.slice(2), process.env);
  if (mode === 'built') await ensureDashboardBuild(undefined, say);
  const db = await localDatabase(config, say);
  if (config.NODE_ENV === 'production' && !db.eventsUrl) {
    throw new Error('EVENTS_DATABASE_URL is required in production (the queue of the domain events)');
  }
  const keys = ensureDevKeys(KEYS_DIR);

  // The migration step first, as its owner role; the services then work as their runtime roles and refuse to start with any migration pending.
  await migrateSubgraphs(db);
  if (!(await isSeeded(db.migrationUrlFor('clients')))) {
    say('first run: loading the demo data');
    await seedDemo(db.migrationUrlFor);
  }

  const stack = await startStack({
    databaseUrlFor: db.runtimeUrlFor,
    eventsDatabaseUrl: db.eventsUrl,
    internalSecret: keys.internalSecret,
    verifyBearer: createBearerVerifier({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, publicKeyPem: keys.publicKeyPem }),
    demoLogin: config.NODE_ENV === 'production' ? undefined : demoLogin(keys.privateKeyPem, config.AUTH_ISSUER, config.AUTH_AUDIENCE),
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    production: config.NODE_ENV === 'production',
    gateway: { directoryPublic: config.DIRECTORY_PUBLIC },
    ports: {
      gateway: config.GATEWAY_PORT,
      clients: config.CLIENTS_PORT,
      plans: config.PLANS_PORT,
      referrals: config.REFERRALS_PORT,
      resources: config.RESOURCES_PORT,
      notifications: config.NOTIFICATIONS_PORT,
    },
    metricsPorts: {
      gateway: metricsPorts.GATEWAY_METRICS_PORT,
      clients: metricsPorts.CLIENTS_METRICS_PORT,
      plans: metricsPorts.PLANS_METRICS_PORT,
      referrals: metricsPorts.REFERRALS_METRICS_PORT,
      resources: metricsPorts.RESOURCES_METRICS_PORT,
      notifications: metricsPorts.NOTIFICATIONS_METRICS_PORT,
    },
  });

  const dashboard =
    mode === 'dev'
      ? await startDashboardDevServer(stack.gatewayBaseUrl, config.HOST, DASHBOARD_PORT)
      : await serveBuiltDashboard(stack.gatewayBaseUrl, config.HOST, DASHBOARD_PORT, DASHBOARD_TRUST_PROXY);

  say('');
  say('Caseflow is running.');
  say(
    `  Dashboard        ${dashboard.url}${mode === 'dev' ? ' (development server)' : ''}${config.NODE_ENV === 'production' ? '' : ' (sign in as any demo user)'}`,
  );
  say(`  GraphQL API      ${stack.gatewayUrl}`);
  say(`  HSDS API         ${stack.gatewayBaseUrl}/hsds/services (same bearer token)`);
  say(`  health / ready   ${stack.gatewayBaseUrl}/health  ${stack.gatewayBaseUrl}/ready`);
  for (const [name, s] of Object.entries(stack.subgraphs)) say(`  ${name.padEnd(16)} ${s.url} (answers the gateway only)`);
  const metricsListing = Object.entries(stack.metricsUrls).map(([name, url]) => `${name} :${new URL(url).port}`);
  say(`  metrics          GET /metrics on ${metricsListing.join(', ')}`);
  say(`  e-mail           ${describeMailDestination(loadMailSettings())}`);
  say(`  database         ${db.embedded ? 'embedded PostgreSQL, data in .data/postgres' : 'DATABASE_URL'}`);
  say(`  domain events    ${db.eventsUrl ? 'pg-boss queue in the events schema' : 'off (EVENTS_DATABASE_URL not set)'}`);
  say('');
  say('Get a token for a demo user (casey, jordan, sam, pat, robin, alex, admin @demo.caseflow):');
  say('  npm run --silent token -- --as casey@demo.caseflow');
  say('or for a partner system reading the directory: npm run --silent token -- --client <name> [--scope directory:read]');
  say(
    `  curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ me { displayName role } }"}'`,
  );
  say('Press Ctrl-C to stop.');

  exitOnSignals(
    async () => {
      await dashboard.close();
      await stack.stop();
      await db.stop();
      await startTracing('caseflow').shutdown();
    },
    createLogger('start', 'info'),
  );

  // npm does not pass SIGTERM on to the script it runs: if npm goes away, stop as if told to.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
  }, 1000).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`Caseflow failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
