import { hostname } from 'node:os';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';
import type { JobObserver } from '@caseflow/telemetry';
import { claimTick } from './jobs.sql';

export { scheduledJobTableSql } from './jobs.sql';

/**
 * Which replica runs a job's tick. Ticks are the job's interval counted from
 * the epoch (`floor(now / interval)`), so every replica names the same tick
 * for the same moment, whatever time it started.
 */
export interface JobLeadership {
  /** Takes `tick` of `job` for this replica; false when another replica has taken it (or a later one). */
  claim(job: string, tick: number): Promise<boolean>;
}

export interface IntervalJobOptions {
  /** The service's metrics: told of each run this replica makes and its outcome, and of each tick that found the previous run still going. */
  observer?: JobObserver;
  /** With one, each tick is claimed first, and a replica that does not get it skips that tick: across replicas the job runs once per tick. */
  leadership?: JobLeadership;
}

const tracer = trace.getTracer('caseflow-jobs');

/**
 * Runs `run` every `intervalMs` (never two runs at once in this process) and
 * returns a stopper that waits for a run in progress. An interval of 0 runs
 * nothing: tests call the job's function directly. Each tick is a trace of
 * its own (`job <name>`: the claim and the run's SQL statements under it),
 * when tracing is on.
 */
export function startIntervalJob(
  name: string,
  intervalMs: number,
  run: (tick: number) => Promise<unknown>,
  logger: Logger,
  { observer, leadership }: IntervalJobOptions = {},
): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let current: Promise<unknown> | null = null;
  const tickRun = async () => {
    const tick = Math.floor(Date.now() / intervalMs);
    if (leadership && !(await leadership.claim(name, tick))) return;
    logger.debug('job run', { job: name, tick });
    const ended = observer?.runStarted(name);
    try {
      await run(tick);
      ended?.('succeeded');
    } catch (error) {
      ended?.('failed');
      throw error;
    }
  };
  const timer = setInterval(() => {
    if (current) {
      observer?.tickSkipped(name);
      return;
    }
    current = tracer.startActiveSpan(`job ${name}`, { root: true }, (span) =>
      tickRun()
        .catch((error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR });
          logger.error(`job ${name} failed`, errorFields(error));
        })
        .finally(() => {
          span.end();
          current = null;
        }),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}

/** This process among the replicas, for the record of who ran a tick (the pod's name in Kubernetes). */
export const replicaName = () => `${hostname()}#${process.pid}`;

/**
 * Leadership through the subgraph's `scheduled_job` table (one row per job:
 * the last tick claimed, by whom, and how many runs so far). A claim only
 * moves the row to a later tick (jobs.sql.ts), so a replica whose clock is
 * behind never re-runs a tick.
 */
export function tableLeadership(dataSource: DataSource, schema: string, replica = replicaName()): JobLeadership {
  return { claim: (job, tick) => claimTick(dataSource, schema, job, tick, replica) };
}

/** A job of one subgraph that writes rows each tick and logs how many when there were any: `'<logged>' { <counted>: n }`. */
export interface CountingJob {
  name: string;
  /** The subgraph's schema, whose `scheduled_job` table claims the ticks. */
  schema: string;
  logged: string;
  counted: string;
}

/**
 * Runs `run` (which answers how many rows it wrote) every `intervalMs`, once
 * per tick across replicas (`tableLeadership`), and logs the count of a run
 * that wrote any.
 */
export function startCountingJob(
  job: CountingJob,
  dataSource: DataSource,
  intervalMs: number,
  run: () => Promise<number>,
  logger: Logger,
  observer?: JobObserver,
): () => Promise<void> {
  return startIntervalJob(
    job.name,
    intervalMs,
    async () => {
      const n = await run();
      if (n > 0) logger.info(job.logged, { [job.counted]: n });
    },
    logger,
    { observer, leadership: tableLeadership(dataSource, job.schema) },
  );
}
