/**
 * The whole platform in one process: the five subgraphs and the gateway, each
 * on its own port, talking over real HTTP exactly as separate deployments do.
 * `npm start` and the end-to-end tests run it; production runs each app on
 * its own (apps/<name>/src/main.ts).
 */
import type { BearerVerifier } from '@caseflow/auth';
import { createSubgraph, type RunningSubgraph } from '@caseflow/federation';
import { createLogger, type LogLevel, reservePort } from '@caseflow/core';
import { migrateEventQueue } from '@caseflow/events';
import { createGateway, type DemoLogin, type Gateway, type GatewayOptions } from '@caseflow/gateway';
import { createServiceMetrics, type MetricsServer, serveMetrics, type ServiceMetrics } from '@caseflow/telemetry';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from './seed';

export interface StackOptions {
  /** Each subgraph's database as its runtime role. */
  databaseUrlFor: (name: SubgraphName) => string;
  /** Each subgraph's owner role, to migrate at boot outside production; without it, migrations must have run (`npm run migrate`). */
  migrationDatabaseUrlFor?: (name: SubgraphName) => string;
  internalSecret: string;
  verifyBearer: BearerVerifier;
  supergraphSdl: string;
  /** Ports to listen on; 0 (the default) picks a free one. */
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  host?: string;
  logLevel?: LogLevel;
  /** Where every service's log lines go (one call a line); stdout when not given. Tests capture them so. */
  log?: (line: string) => void;
  production?: boolean;
  poolMax?: number;
  /** Gateway settings (limits, timeouts, body size) beyond the defaults. */
  gateway?: Pick<
    GatewayOptions,
    | 'limits'
    | 'rateLimit'
    | 'maxBatchOperations'
    | 'requestTimeoutMs'
    | 'subgraphTimeoutMs'
    | 'maxBodyBytes'
    | 'staffCacheTtlMs'
    | 'now'
    | 'directoryPublic'
  >;
  /** The demo sign-in for the dashboard (development only). */
  demoLogin?: DemoLogin;
  /** Interval of the subgraphs' background jobs; 0 turns them off (tests run jobs directly). */
  jobIntervalMs?: number;
  /** The queue of the domain events (EVENTS_DATABASE_URL); without it no subgraph relays or consumes events. */
  eventsDatabaseUrl?: string;
  /** How often each subgraph's relay looks at its outbox (ms). */
  eventRelayIntervalMs?: number;
  /** How often an idle consumer looks at its queue (seconds, at least 0.5). */
  eventPollingIntervalSeconds?: number;
  /**
   * Each service's metrics port (its own registry on its own port, as in
   * separate processes; 0 picks a free one). Without it the metrics are kept
   * (`Stack.metrics`) but served nowhere.
   */
  metricsPorts?: Record<SubgraphName | 'gateway', number>;
}

export type ServiceName = SubgraphName | 'gateway';

export interface StackSubgraph {
  subgraph: RunningSubgraph;
  baseUrl: string;
  url: string;
}

export interface Stack {
  gatewayUrl: string;
  gatewayBaseUrl: string;
  gateway: Gateway;
  subgraphs: Record<SubgraphName, StackSubgraph>;
  /** Each service's metrics registry. */
  metrics: Record<ServiceName, ServiceMetrics>;
  /** Where each service's metrics answer, when `metricsPorts` was given. */
  metricsUrls: Partial<Record<ServiceName, string>>;
  /** Stops one subgraph (as an outage would), leaving the others and the gateway running. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again on the same address, with the same settings. */
  startSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const level = options.logLevel ?? 'warn';
  const subgraphs = {} as Record<SubgraphName, StackSubgraph>;
  // Ports are chosen first, so that every subgraph knows every peer's address (clients gathers the audit trail from plans and referrals).
  // A port chosen here is held until its subgraph listens: the pools opened meanwhile take ephemeral ports from the same range.
  const ports = {} as Record<SubgraphName, number>;
  const held = new Map<SubgraphName, () => Promise<void>>();
  for (const name of SUBGRAPH_NAMES) {
    if (options.ports?.[name]) ports[name] = options.ports[name];
    else {
      const reserved = await reservePort();
      ports[name] = reserved.port;
      held.set(name, reserved.release);
    }
  }
  const releasePort = async (name: SubgraphName) => {
    const release = held.get(name);
    held.delete(name);
    await release?.();
  };
  const base = (name: SubgraphName) => `http://${host}:${ports[name]}`;
  const peerUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, base(name)]));
  const metrics = Object.fromEntries(
    [...SUBGRAPH_NAMES, 'gateway' as const].map((name) => [
      name,
      createServiceMetrics(name, { processMetrics: options.metricsPorts !== undefined }),
    ]),
  ) as Record<ServiceName, ServiceMetrics>;

  const start = async (name: SubgraphName) => {
    const subgraph = await createSubgraph(SUBGRAPHS[name], {
      databaseUrl: options.databaseUrlFor(name),
      migrationDatabaseUrl: options.migrationDatabaseUrlFor?.(name),
      production: options.production,
      internalSecret: options.internalSecret,
      logger: createLogger(name, level, options.log),
      poolMax: options.poolMax,
      jobIntervalMs: options.jobIntervalMs,
      peerUrls,
      metrics: metrics[name],
      eventsDatabaseUrl: options.eventsDatabaseUrl,
      eventRelayIntervalMs: options.eventRelayIntervalMs,
      eventPollingIntervalSeconds: options.eventPollingIntervalSeconds,
    });
    await releasePort(name);
    await subgraph.listen(ports[name], host);
    subgraphs[name] = { subgraph, baseUrl: base(name), url: `${base(name)}/graphql` };
  };
  const stopped = new Set<SubgraphName>();
  // Every consumer's queue before the first relay runs, so that no event is published to nobody.
  if (options.eventsDatabaseUrl) {
    const consumers = SUBGRAPH_NAMES.filter((name) => SUBGRAPHS[name].consumes !== undefined);
    await migrateEventQueue(options.eventsDatabaseUrl, consumers, createLogger('events', level, options.log));
  }
  for (const name of ['resources', 'clients', 'plans', 'referrals', 'notifications'] as const) await start(name);

  const gateway = await createGateway({
    supergraphSdl: options.supergraphSdl,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphs[n].url])),
    verifyBearer: options.verifyBearer,
    internalSecret: options.internalSecret,
    logger: createLogger('gateway', level, options.log),
    production: options.production ?? false,
    demoLogin: options.demoLogin,
    ...options.gateway,
    resourcesBaseUrl: subgraphs.resources.baseUrl,
    metrics: metrics.gateway,
  });
  const port = await gateway.listen(options.ports?.gateway ?? 0, host);
  const gatewayBaseUrl = `http://${host}:${port}`;
  const metricsServers: MetricsServer[] = [];
  const metricsUrls: Partial<Record<ServiceName, string>> = {};
  for (const [name, metricsPort] of Object.entries(options.metricsPorts ?? {}) as Array<[ServiceName, number]>) {
    const server = await serveMetrics(metrics[name].registry, metricsPort, host);
    metricsServers.push(server);
    metricsUrls[name] = server.url;
  }

  return {
    gatewayUrl: `${gatewayBaseUrl}/graphql`,
    gatewayBaseUrl,
    gateway,
    subgraphs,
    metrics,
    metricsUrls,
    stopSubgraph: async (name) => {
      if (stopped.has(name)) return;
      stopped.add(name);
      await subgraphs[name].subgraph.stop();
    },
    startSubgraph: async (name) => {
      if (!stopped.has(name)) return;
      await start(name);
      stopped.delete(name);
    },
    stop: async () => {
      await gateway.stop();
      await Promise.all(SUBGRAPH_NAMES.filter((n) => !stopped.has(n)).map((n) => subgraphs[n].subgraph.stop()));
      await Promise.all(metricsServers.map((server) => server.close()));
    },
  };
}
