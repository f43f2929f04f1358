/**
 * The queue between producers and consumers: pg-boss, a PostgreSQL-backed
 * job queue, in a schema of its own (`events`) reached through
 * `EVENTS_DATABASE_URL` as a role that owns that schema (the queue's own
 * credentials, as a broker would have). Each consumer has one queue,
 * `events.<name>`, with a dead-letter queue `events.<name>.dead`, and is
 * subscribed to every event type: order per aggregate rests on the gapless
 * sequence, so a consumer sees every event of an aggregate and applies only
 * the types it takes (runner.ts). The relay (relay.ts) fans each event out to
 * the subscribed queues itself, awaiting every insert, because pg-boss's own
 * `publish` lets a failed insert pass silently.
 */
import PgBoss from 'pg-boss';
import { errorFields, type Logger } from '@caseflow/core';
import { EVENT_TYPES, type DomainEvent } from './catalog';
import { EVENTS_SCHEMA, installEventQueue } from './queue-install.sql';

export { EVENTS_SCHEMA, installEventQueue };

/** The queue of a consumer. */
export const consumerQueueName = (consumer: string) => `events.${consumer}`;
/** Where a consumer's events go once their retries are spent. */
export const deadLetterQueueName = (consumer: string) => `events.${consumer}.dead`;

/** How a consumer's queue retries an event whose handling failed (or that waits for an earlier one). */
export interface RetryPolicy {
  /** Attempts after the first; then the event moves to the dead-letter queue. */
  limit: number;
  /** The first retry's delay; each later one doubles it (with jitter) up to `maxDelaySeconds`. */
  delaySeconds: number;
  maxDelaySeconds: number;
}

/** About three hours of retries: long enough to ride out a peer's outage or a missing earlier event. */
export const DEFAULT_RETRY: RetryPolicy = { limit: 25, delaySeconds: 1, maxDelaySeconds: 600 };

export interface EventQueueOptions {
  /** `EVENTS_DATABASE_URL`: a role that owns the `events` schema. */
  url: string;
  logger: Logger;
  /** Install or upgrade pg-boss's tables at start (the migration step; development). Without it a queue not installed or not up to date refuses to start. */
  migrate?: boolean;
  /** Run pg-boss's maintenance (expiring stuck jobs, deleting old ones); off for the migration step. */
  supervise?: boolean;
  poolMax?: number;
  applicationName?: string;
  /** How often an idle consumer looks for work (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
  retry?: RetryPolicy;
}

/** What a consumer's queue holds: waiting events (new or to be retried) and the age of the oldest. */
export interface QueueDepth {
  queue: string;
  waiting: number;
  oldestSeconds: number;
}

export interface EventQueue {
  /** Creates the consumer's queue and dead-letter queue and subscribes it to every event type (idempotent). */
  declareConsumer(name: string): Promise<void>;
  /** Puts each event on every queue subscribed to its type; an event already on a queue (the same id) is not put twice. */
  publish(events: readonly DomainEvent[]): Promise<void>;
  /** Hands each event of the consumer's queue to `handle`, one at a time; a throw fails the job, which is retried with backoff. */
  work(name: string, handle: (event: DomainEvent) => Promise<void>): Promise<void>;
  /** Waiting events and the oldest's age, per consumer queue and dead-letter queue. */
  depths(): Promise<QueueDepth[]>;
  /** Events of the consumer's queue not yet done: waiting, to be retried, or being applied now. */
  unfinished(name: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * How long an event may be applying before the queue takes it back and
 * retries it: also how long an event stays held when the process applying
 * it dies (SIGKILL, a lost node), as nothing else tells pg-boss the worker
 * is gone. A handler is one transaction and a peer call or two (seconds),
 * so half a minute is ample; pg-boss looks for such events every
 * SUPERVISE_INTERVAL_SECONDS.
 */
const HANDLER_TIMEOUT_SECONDS = 30;
const SUPERVISE_INTERVAL_SECONDS = 10;
const COMPLETED_KEPT_SECONDS = 7 * 86_400;
const WAITING_KEPT_SECONDS = 14 * 86_400;
const DEAD_KEPT_SECONDS = 90 * 86_400;

/** Opens the queue (pg-boss started; its tables installed first when `migrate`). */
export async function openEventQueue(options: EventQueueOptions): Promise<EventQueue> {
  if (options.migrate) await installEventQueue(options.url);
  const retry = options.retry ?? DEFAULT_RETRY;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: EVENTS_SCHEMA,
    max: options.poolMax ?? 4,
    application_name: options.applicationName ?? 'caseflow-events',
    migrate: options.migrate ?? false,
    supervise: options.supervise ?? true,
    superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    schedule: false,
  });
  // pg-boss reports trouble (a lost connection, a failed poll) as events; unheard, an 'error' event would end the process.
  boss.on('error', (error) => options.logger.error('event queue error', errorFields(error)));
  await boss.start().catch(async (error: unknown) => {
    // A start that failed leaves pg-boss "stopped" with its pool open: close the pool itself.
    const pool = boss.getDb() as unknown as { opened?: boolean; close?: () => Promise<void> };
    if (pool.opened) await pool.close?.().catch(() => undefined);
    // pg-boss's own words ('pg-boss is not installed', '… requires migrations') do not say what to run.
    const message = error instanceof Error ? error.message : String(error);
    if (!options.migrate && /not installed|requires migrations/.test(message)) {
      throw new Error(`the events queue (EVENTS_DATABASE_URL) is not installed or not up to date: run \`npm run migrate\` (${message})`);
    }
    throw error;
  });
  const db = boss.getDb();

  return {
    declareConsumer: async (name) => {
      const queue = consumerQueueName(name);
      const dead = deadLetterQueueName(name);
      // The dead-letter queue first (the consumer's queue names it); no worker takes it: an operator looks and retries.
      if (!(await boss.getQueue(dead))) await boss.createQueue(dead, { policy: 'standard', retentionSeconds: DEAD_KEPT_SECONDS });
      if (!(await boss.getQueue(queue))) {
        await boss.createQueue(queue, {
          policy: 'standard',
          deadLetter: dead,
          retryLimit: retry.limit,
          retryDelay: retry.delaySeconds,
          retryBackoff: true,
          retryDelayMax: retry.maxDelaySeconds,
          expireInSeconds: HANDLER_TIMEOUT_SECONDS,
          retentionSeconds: WAITING_KEPT_SECONDS,
          deleteAfterSeconds: COMPLETED_KEPT_SECONDS,
        });
      } else {
        // A queue made by an earlier version keeps its settings: bring the handler timeout up to date.
        await boss.updateQueue(queue, { expireInSeconds: HANDLER_TIMEOUT_SECONDS });
      }
      for (const type of EVENT_TYPES) await boss.subscribe(type, queue);
    },
    publish: async (events) => {
      if (events.length === 0) return;
      const { rows } = await db.executeSql(`SELECT event, name FROM ${EVENTS_SCHEMA}.subscription WHERE event = ANY($1::text[])`, [
        [...new Set(events.map((e) => e.type))],
      ]);
      const queuesOf = new Map<string, string[]>();
      for (const { event, name } of rows as Array<{ event: string; name: string }>)
        queuesOf.set(event, [...(queuesOf.get(event) ?? []), name]);
      // One insert per event and queue, in the relay's order: a queue hands out jobs by creation time,
      // so a consumer mostly gets an aggregate's events in order (and resequences the rest).
      for (const event of events)
        for (const name of queuesOf.get(event.type) ?? []) await boss.insert(name, [{ id: event.id, name, data: event }]);
    },
    work: async (name, handle) => {
      let worker = '';
      worker = await boss.work<DomainEvent>(
        consumerQueueName(name),
        { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          try {
            await handle(job.data);
          } finally {
            // A queue with work is drained at once; the polling interval is for an idle one.
            boss.notifyWorker(worker);
          }
        },
      );
    },
    depths: async () => {
      const { rows } = await db.executeSql(
        `SELECT q.name AS queue, count(j.id)::int AS waiting,
                COALESCE(extract(epoch FROM now() - min(j.created_on)), 0)::float8 AS "oldestSeconds"
           FROM ${EVENTS_SCHEMA}.queue q
           LEFT JOIN ${EVENTS_SCHEMA}.job j ON j.name = q.name AND j.state < 'active'
          WHERE q.name LIKE 'events.%'
          GROUP BY q.name ORDER BY q.name`,
        [],
      );
      return rows as QueueDepth[];
    },
    unfinished: async (name) => {
      const { rows } = await db.executeSql(
        `SELECT count(*)::int AS unfinished FROM ${EVENTS_SCHEMA}.job WHERE name = $1 AND state <= 'active'`,
        [consumerQueueName(name)],
      );
      return (rows[0] as { unfinished: number }).unfinished;
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}

/**
 * The migration step's part: installs or upgrades the queue's tables and
 * makes the queue of each consumer (by the name of its subgraph), so that no
 * event published before a consumer first starts is missed.
 */
export async function migrateEventQueue(url: string, consumers: readonly string[], logger: Logger): Promise<void> {
  const queue = await openEventQueue({ url, logger, migrate: true, supervise: false, applicationName: 'caseflow-events-migrate' });
  try {
    for (const name of consumers) await queue.declareConsumer(name);
  } finally {
    await queue.stop();
  }
}
