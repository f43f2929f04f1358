import { createDatabase, type Database } from '@caseflow/db';
import { createLogger, type Logger } from '@caseflow/core';
import { createTestDatabase } from '@caseflow/testing';
import { startCountingJob, startIntervalJob, tableLeadership } from './jobs';
import { scheduledJobTableSql } from './jobs.sql';

/** Two replicas of one subgraph: two pools on one real database, each with its own name. */
let replicas: Database[];

beforeAll(async () => {
  const url = await createTestDatabase('jobs');
  replicas = [0, 1].map(() => createDatabase({ url, schema: 'public', entities: [], migrations: [], poolMax: 3 }));
  await Promise.all(replicas.map((r) => r.dataSource.initialize()));
  // The table every subgraph with jobs creates in its own schema (its ScheduledJobs migration).
  await replicas[0].dataSource.query(scheduledJobTableSql('public'));
});
afterAll(() => Promise.all((replicas ?? []).map((r) => r.dataSource.destroy())));

const leadership = (i: number) => tableLeadership(replicas[i].dataSource, 'public', `replica-${i}`);
const row = async (job: string) =>
  (await replicas[0].dataSource.query(
    'SELECT last_tick::float8 AS "lastTick", runs::int, last_replica AS "replica" FROM public.scheduled_job WHERE job = $1',
    [job],
  )) as Array<{ lastTick: number; runs: number; replica: string }>;

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('job leadership across replicas', () => {
  it('gives each tick to one replica, never an earlier tick again, and settles simultaneous claims', async () => {
    const [a, b] = [leadership(0), leadership(1)];
    expect(await a.claim('sweep', 100)).toBe(true);
    expect(await b.claim('sweep', 100)).toBe(false);
    expect(await b.claim('sweep', 99)).toBe(false);
    expect(await b.claim('sweep', 101)).toBe(true);
    expect(await row('sweep')).toEqual([{ lastTick: 101, runs: 2, replica: 'replica-1' }]);

    const together = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim('sweep', 102)));
    expect(together.filter(Boolean)).toHaveLength(1);
    expect(await a.claim('other-job', 102)).toBe(true);
    expect((await row('sweep'))[0]).toMatchObject({ lastTick: 102, runs: 3 });
  });

  it('runs a job once per tick when two replicas tick it, and counts the runs', async () => {
    const intervalMs = 150;
    const runs: Array<{ replica: number; tick: number }> = [];
    const logger = createLogger('jobs-test', 'silent');
    const stops = [0, 1].map((i) =>
      startIntervalJob('recompute', intervalMs, async (tick) => void runs.push({ replica: i, tick }), logger, {
        leadership: leadership(i),
      }),
    );
    await until(() => runs.length >= 8, 20_000);
    await Promise.all(stops.map((stop) => stop()));

    const ticks = runs.map((r) => r.tick);
    expect(new Set(ticks).size).toBe(ticks.length);
    const [stored] = await row('recompute');
    expect(stored).toMatchObject({ runs: runs.length, lastTick: Math.max(...ticks) });
    // Both replicas ticked every interval; without the claim each tick would have run twice.
    expect(Math.max(...ticks) - Math.min(...ticks) + 1).toBeGreaterThanOrEqual(runs.length);
  });

  it('without a leadership, each replica runs every tick (what the claim prevents)', async () => {
    const runs: number[] = [];
    const logger = createLogger('jobs-test', 'silent');
    const stops = [0, 1].map(() => startIntervalJob('unclaimed', 100, async (tick) => void runs.push(tick), logger));
    await until(() => runs.length >= 6, 20_000);
    await Promise.all(stops.map((stop) => stop()));
    expect(new Set(runs).size).toBeLessThan(runs.length);
    expect(await row('unclaimed')).toEqual([]);
  });

  it('a counting job claims its ticks in its schema and logs its count only after a run that did something', async () => {
    const logged: Array<[string, Record<string, unknown> | undefined]> = [];
    const silent = createLogger('jobs-test', 'silent');
    const logger: Logger = { ...silent, info: (message, fields) => void logged.push([message, fields]) };
    const counts = [0, 3, 0, 2];
    let runs = 0;
    const run = async () => counts[runs++] ?? 0;
    const stop = startCountingJob(replicas[0].dataSource, { name: 'counting', schema: 'public', run, logged: 'things done' }, 100, logger);
    await until(() => runs >= 4, 20_000);
    await stop();
    expect(logged.slice(0, 2)).toEqual([
      ['things done', { count: 3 }],
      ['things done', { count: 2 }],
    ]);
    expect(logged.every(([message]) => message === 'things done')).toBe(true);
    expect((await row('counting'))[0]).toMatchObject({ runs, replica: expect.any(String) });
  });
});
