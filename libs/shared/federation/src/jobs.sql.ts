/**
 * The claim of a job's tick in a subgraph's `scheduled_job` table: one
 * upsert that moves the job's row to a later tick, or does nothing. Two
 * replicas claiming at once are settled by PostgreSQL (the second waits for
 * the first's row lock, then finds the tick taken).
 */
import type { DataSource } from 'typeorm';

/**
 * The table a subgraph with scheduled jobs keeps (its migration runs this):
 * one row per job, the last tick claimed, by whom and when, and how many ticks
 * have run. Released migrations run again only on fresh databases, so this
 * text is frozen (jobs.int.spec.ts creates the table with it).
 */
export function scheduledJobTableSql(schema: string): string {
  return `CREATE TABLE "${schema}".scheduled_job (
    job text PRIMARY KEY CHECK (length(job) BETWEEN 1 AND 100),
    last_tick bigint NOT NULL,
    runs bigint NOT NULL CHECK (runs > 0),
    last_replica text NOT NULL CHECK (length(last_replica) <= 300),
    last_run_at timestamptz NOT NULL
  )`;
}

/** Drops what `scheduledJobTableSql` made (its migration's `down`; frozen as well). */
export function dropScheduledJobTableSql(schema: string): string {
  return `DROP TABLE ${schema}.scheduled_job`;
}

/** Takes `tick` of `job` for `replica`; true when this call took it. */
export async function claimTick(dataSource: DataSource, schema: string, job: string, tick: number, replica: string): Promise<boolean> {
  const rows = (await dataSource.query(
    `INSERT INTO "${schema}".scheduled_job AS j (job, last_tick, runs, last_replica, last_run_at)
     VALUES ($1, $2, 1, $3, now())
     ON CONFLICT (job) DO UPDATE
       SET last_tick = excluded.last_tick, runs = j.runs + 1, last_replica = excluded.last_replica, last_run_at = excluded.last_run_at
     WHERE j.last_tick < excluded.last_tick
     RETURNING runs`,
    [job, tick, replica],
  )) as unknown[];
  return rows.length === 1;
}
