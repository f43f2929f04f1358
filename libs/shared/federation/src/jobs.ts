import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';

/**
 * Which replica runs a job's tick. Ticks are the job's interval counted from
 * the epoch (`floor(now / interval)`), so every replica names the same tick
 * for the same moment, whatever time it started.
 */
export interface JobLeadership {
  /** Takes `tick` of `job` for this replica; false when another replica has taken it (or a later one). */
  claim(job: string, tick: number): Promise<boolean>;
}

/**
 * Runs `run` every `intervalMs` (never two runs at once in this process) and
 * returns a stopper that waits for a run in progress. An interval of 0 runs
 * nothing: tests call the job's function directly. With a `leadership`, each
 * tick is first claimed, and a replica that does not get it skips that tick:
 * across replicas the job runs once per tick.
 */
export function startIntervalJob(
  name: string,
  intervalMs: number,
  run: (tick: number) => Promise<unknown>,
  logger: Logger,
  leadership?: JobLeadership,
): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let current: Promise<unknown> | null = null;
  const tickRun = async () => {
    const tick = Math.floor(Date.now() / intervalMs);
    if (leadership && !(await leadership.claim(name, tick))) return;
    logger.debug('job run', { job: name, tick });
    await run(tick);
  };
  const timer = setInterval(() => {
    if (current) return;
    current = tickRun()
      .catch((error: unknown) => logger.error(`job ${name} failed`, errorFields(error)))
      .finally(() => {
        current = null;
      });
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
 * the last tick claimed, by whom, and how many runs so far). A claim is one
 * upsert that moves the row to a later tick: PostgreSQL settles two replicas
 * claiming at once (the second waits for the first's row lock, then finds
 * the tick taken), and a replica whose clock is behind never re-runs a tick.
 */
export function tableLeadership(dataSource: DataSource, schema: string, replica = replicaName()): JobLeadership {
  const sql = `INSERT INTO "${schema}".scheduled_job AS j (job, last_tick, runs, last_replica, last_run_at)
               VALUES ($1, $2, 1, $3, now())
               ON CONFLICT (job) DO UPDATE
                 SET last_tick = excluded.last_tick, runs = j.runs + 1, last_replica = excluded.last_replica, last_run_at = excluded.last_run_at
               WHERE j.last_tick < excluded.last_tick
               RETURNING runs`;
  return {
    claim: async (job, tick) => ((await dataSource.query(sql, [job, tick, replica])) as unknown[]).length === 1,
  };
}
