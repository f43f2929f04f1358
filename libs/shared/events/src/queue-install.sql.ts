/**
 * The installation of the queue's tables (queue.ts) as the queue's own role.
 */
import { Client } from 'pg';
import PgBoss from 'pg-boss';

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const EVENTS_SCHEMA = 'events';

/**
 * Installs pg-boss's tables in the `events` schema when they are not there.
 * The queue's role owns that schema but, least privilege, may not create
 * schemas (the provisioning made it for it): pg-boss's construction plan
 * runs without its `CREATE SCHEMA`. Upgrades of an installed queue are
 * pg-boss's own migrations (`migrate` at start), under its advisory lock.
 */
export async function installEventQueue(url: string): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'caseflow-events-install' });
  await client.connect();
  try {
    const installed = async () =>
      (await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${EVENTS_SCHEMA}.version`])).rows[0].t !== null;
    if (await installed()) return;
    const plan = PgBoss.getConstructionPlans(EVENTS_SCHEMA).replace(`CREATE SCHEMA IF NOT EXISTS ${EVENTS_SCHEMA};`, '');
    try {
      await client.query(plan);
    } catch (error) {
      // Two installs at once: the second waits for pg-boss's advisory lock, then finds the tables made.
      await client.query('ROLLBACK');
      if (!(await installed())) throw error;
    }
  } finally {
    await client.end();
  }
}
