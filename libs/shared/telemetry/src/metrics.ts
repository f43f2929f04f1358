/**
 * Prometheus metrics with prom-client, one registry per service (labelled
 * `service`), served on the service's own metrics port (metrics-server.ts),
 * never on its public one. What they count: HTTP requests by route and
 * status, GraphQL operations by name with their latency and errors by code,
 * the database pool's connections, the scheduled jobs' runs, the jobs'
 * backlog (ticks that found the previous run still going, runs in progress),
 * and the domain events' queues (depth and oldest age).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What a pg pool tells of itself (pg's Pool has these). */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** Told of each run of a scheduled job: when it starts, how it ended, and ticks skipped while it ran. */
export interface JobObserver {
  /** A run starts; call the answer with its outcome when it ends. */
  runStarted(job: string): (outcome: 'succeeded' | 'failed') => void;
  /** A tick came while the previous run was still going: that run's work is behind. */
  tickSkipped(job: string): void;
}

/** What an event queue holds: events waiting (new or to be retried) and the age of the oldest. */
export interface EventQueueDepth {
  queue: string;
  waiting: number;
  oldestSeconds: number;
}

export interface ServiceMetrics extends JobObserver {
  service: string;
  registry: Registry;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  httpDuration: Histogram<'route' | 'method'>;
  operations: Counter<'operation' | 'type' | 'outcome'>;
  operationDuration: Histogram<'operation' | 'type'>;
  errors: Counter<'operation' | 'code'>;
  /** The label for an operation name: the name, until this many distinct names were seen, then `other` (a caller chooses names). */
  operationLabel(name: string | null | undefined): string;
  /** Reports `pool`'s connections (read at each scrape; undefined while it is not open). */
  watchPool(pool: () => PoolStats | undefined): void;
  /** Reports the depth and oldest age of the service's event queues (its outbox, its consumer's queue), read at each scrape. */
  watchEventQueues(read: () => Promise<EventQueueDepth[]>): void;
}

/** Seconds: from a primary-key read to the slowest answer a timeout allows. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const MAX_OPERATION_NAMES = 200;

export interface ServiceMetricsOptions {
  /** Add prom-client's process metrics (CPU, memory, event-loop lag, GC); default true. Off where nothing is served (tests). */
  processMetrics?: boolean;
}

export function createServiceMetrics(service: string, options: ServiceMetricsOptions = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets = LATENCY_BUCKETS) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });

  const httpRequests = counter('caseflow_http_requests_total', 'HTTP requests answered, by route, method and status', [
    'route',
    'method',
    'status',
  ]);
  const httpDuration = histogram('caseflow_http_request_duration_seconds', 'Time to answer an HTTP request, by route and method', [
    'route',
    'method',
  ]);
  const operations = counter(
    'caseflow_graphql_operations_total',
    'GraphQL operations answered, by operation name, type and outcome (ok, or error when the answer holds errors)',
    ['operation', 'type', 'outcome'],
  );
  const operationDuration = histogram(
    'caseflow_graphql_operation_duration_seconds',
    'Time to answer a GraphQL operation, by operation name and type',
    ['operation', 'type'],
  );
  const errors = counter('caseflow_errors_total', 'Errors answered, by operation name and error code', ['operation', 'code']);
  const jobRuns = counter('caseflow_job_runs_total', 'Runs of scheduled jobs, by job and outcome', ['job', 'outcome']);
  const jobDuration = histogram(
    'caseflow_job_run_duration_seconds',
    'Time a scheduled job run took',
    ['job'],
    [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
  );
  const jobsInProgress = new Gauge({
    name: 'caseflow_jobs_in_progress',
    help: 'Scheduled job runs going on now',
    labelNames: ['job'] as const,
    registers,
  });
  const jobTicksSkipped = counter(
    'caseflow_job_ticks_skipped_total',
    'Ticks of a scheduled job that found its previous run still going (the job is behind)',
    ['job'],
  );

  const pools: Array<() => PoolStats | undefined> = [];
  new Gauge({
    name: 'caseflow_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const open = pools.map((pool) => pool()).filter((p): p is PoolStats => p !== undefined);
      const sum = (read: (p: PoolStats) => number) => open.reduce((total, p) => total + read(p), 0);
      this.set(
        { state: 'total' },
        sum((p) => p.totalCount),
      );
      this.set(
        { state: 'idle' },
        sum((p) => p.idleCount),
      );
      this.set(
        { state: 'waiting' },
        sum((p) => p.waitingCount),
      );
    },
  });
  new Gauge({
    name: 'caseflow_db_pool_max',
    help: 'Most connections the database pool opens',
    registers,
    collect() {
      this.set(pools.reduce((total, pool) => total + (pool()?.options?.max ?? 0), 0));
    },
  });

  const eventQueues: Array<() => Promise<EventQueueDepth[]>> = [];
  const readEventQueues = async () => (await Promise.all(eventQueues.map((read) => read().catch(() => [])))).flat();
  new Gauge({
    name: 'caseflow_event_queue_depth',
    help: 'Domain events waiting, by queue (outbox.<service>: not yet relayed; events.<consumer>: not yet applied; .dead: retries spent)',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      this.reset();
      for (const { queue, waiting } of await readEventQueues()) this.set({ queue }, waiting);
    },
  });
  new Gauge({
    name: 'caseflow_event_queue_oldest_seconds',
    help: 'Age of the oldest domain event waiting, by queue',
    labelNames: ['queue'] as const,
    registers,
    async collect() {
      this.reset();
      for (const { queue, oldestSeconds } of await readEventQueues()) this.set({ queue }, oldestSeconds);
    },
  });

  const names = new Set<string>();
  return {
    service,
    registry,
    httpRequests,
    httpDuration,
    operations,
    operationDuration,
    errors,
    operationLabel: (name) => {
      if (!name) return '(anonymous)';
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES) return 'other';
      names.add(name);
      return name;
    },
    watchPool: (pool) => {
      pools.push(pool);
    },
    watchEventQueues: (read) => {
      eventQueues.push(read);
    },
    runStarted: (job) => {
      jobsInProgress.inc({ job });
      const end = jobDuration.startTimer({ job });
      return (outcome) => {
        end();
        jobsInProgress.dec({ job });
        jobRuns.inc({ job, outcome });
      };
    },
    tickSkipped: (job) => jobTicksSkipped.inc({ job }),
  };
}
