/**
 * The migration step (`npm run migrate`, and first thing in `npm start`):
 * every subgraph's pending migrations, run as its owner role under the
 * migrations' advisory lock, then the runtime role's grants; and the queue of
 * the domain events with every consumer's queue.
 */
import { urlUser } from '@caseflow/db';
import { migrateSubgraph } from '@caseflow/federation';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from './seed';

export interface MigrationUrls {
  /** Each subgraph's owner role. */
  migrationUrlFor: (name: SubgraphName) => string;
  /** Each subgraph's runtime role (its user is granted the runtime privileges). */
  runtimeUrlFor: (name: SubgraphName) => string;
  /** The queue of the domain events: installed or upgraded, with each consumer's queue, before any service starts. */
  eventsUrl?: string;
}

export async function migrateSubgraphs(urls: MigrationUrls, log: (line: string) => void = () => undefined): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    await migrateSubgraph(SUBGRAPHS[name], {
      migrationDatabaseUrl: urls.migrationUrlFor(name),
      runtimeRole: urlUser(urls.runtimeUrlFor(name)),
      eventsDatabaseUrl: urls.eventsUrl,
    });
    log(`${name}: migrated`);
  }
}
