/**
 * A producer that dies by SIGKILL, for crash.int.spec.ts: it records one
 * event in a committed transaction and kills itself before any relay runs
 * (`CRASH_AT=after-commit`), or relays its outbox and kills itself after the
 * queue took the events but before the relay's transaction commits
 * (`CRASH_AT=after-publish`). Settings come from the spawning test.
 */
import 'reflect-metadata';
import { createLogger } from '@caseflow/core';
import { createDatabase } from '@caseflow/db';
import { recordEvents } from '../outbox';
import { openEventQueue } from '../queue';
import { relayBatch } from '../relay';

const die = () => process.kill(process.pid, 'SIGKILL');

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const schema = env('PRODUCER_SCHEMA');
  const { dataSource } = createDatabase({ url: env('PRODUCER_DATABASE_URL'), schema, entities: [], migrations: [], poolMax: 2 });
  await dataSource.initialize();
  if (env('CRASH_AT') === 'after-commit') {
    const aggregateId = env('AGGREGATE_ID');
    const organizationId = env('ORGANIZATION_ID');
    await dataSource.transaction((manager) =>
      recordEvents(manager, schema, [
        {
          type: 'client.assigned',
          aggregateType: 'Client',
          aggregateId,
          organizationId,
          payload: {
            clientId: aggregateId,
            organizationId,
            caseManagerId: organizationId,
            previousCaseManagerId: null,
            byStaffId: organizationId,
          },
        },
      ]),
    );
    process.stdout.write('committed\n');
    die();
  }
  const queue = await openEventQueue({ url: env('EVENTS_DATABASE_URL'), logger: createLogger('producer', 'silent'), supervise: false });
  const publisher = {
    publish: async (events: Parameters<typeof queue.publish>[0]) => {
      await queue.publish(events);
      process.stdout.write('published\n');
      die();
    },
  };
  await relayBatch({ dataSource, schema, source: env('PRODUCER_SOURCE'), publisher, logger: createLogger('producer', 'silent') });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
