/**
 * The migration step (`npm run migrate`, and first thing in `npm start`):
 * every subgraph's pending migrations, run as its owner role under the
 * migrations' advisory lock, then the runtime role's grants.
 */
import { urlUser } from '@caseflow/db';
import { migrateSubgraph } from '@caseflow/federation';
import { SUBGRAPHS, SUBGRAPH_NAMES, type SubgraphName } from './seed';

export interface MigrationUrls {
  /** Each subgraph's owner role. */
  migrationUrlFor: (name: SubgraphName) => string;
  /** Each subgraph's runtime role (its user is granted the runtime privileges). */
  runtimeUrlFor: (name: SubgraphName) => string;
}

export async function migrateSubgraphs(urls: MigrationUrls, log: (line: string) => void = () => undefined): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    await migrateSubgraph(SUBGRAPHS[name], {
      migrationDatabaseUrl: urls.migrationUrlFor(name),
      runtimeRole: urlUser(urls.runtimeUrlFor(name)),
    });
    log(`${name}: migrated`);
  }
}
