import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { clientsSubgraph } from '@caseflow/clients';
import { seedClients } from '@caseflow/clients-seed';
import { type DemoWorld, demoWorld } from '@caseflow/demo';
import { openDatabase } from '@caseflow/db';
import type { RequestContext, SubgraphDefinition } from '@caseflow/federation';
import { plansSubgraph } from '@caseflow/plans';
import { seedPlans } from '@caseflow/plans-seed';
import { referralsSubgraph } from '@caseflow/referrals';
import { seedReferrals } from '@caseflow/referrals-seed';
import { notificationsSubgraph } from '@caseflow/notifications';
import { seedNotifications } from '@caseflow/notifications-seed';
import { resourcesSubgraph } from '@caseflow/resources';
import { seedResources } from '@caseflow/resources-seed';
import { countStaff } from './seed.sql';

export type SubgraphName = 'clients' | 'plans' | 'referrals' | 'resources' | 'notifications';
export const SUBGRAPH_NAMES: readonly SubgraphName[] = ['clients', 'plans', 'referrals', 'resources', 'notifications'];

export const SUBGRAPHS: Record<SubgraphName, SubgraphDefinition<RequestContext>> = {
  clients: clientsSubgraph as unknown as SubgraphDefinition<RequestContext>,
  plans: plansSubgraph as unknown as SubgraphDefinition<RequestContext>,
  referrals: referralsSubgraph as unknown as SubgraphDefinition<RequestContext>,
  resources: resourcesSubgraph as unknown as SubgraphDefinition<RequestContext>,
  notifications: notificationsSubgraph as unknown as SubgraphDefinition<RequestContext>,
};

/** Each subgraph's PostgreSQL schema. */
export const SUBGRAPH_SCHEMAS = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, SUBGRAPHS[name].dbSchema])) as Record<
  SubgraphName,
  string
>;

const SEEDERS: Record<SubgraphName, (dataSource: DataSource, world: DemoWorld) => Promise<void>> = {
  clients: seedClients,
  plans: seedPlans,
  referrals: seedReferrals,
  resources: seedResources,
  notifications: seedNotifications,
};

/** Migrates each subgraph's schema and writes its part of the demo world (idempotent). */
export async function seedDemo(databaseUrlFor: (name: SubgraphName) => string, world: DemoWorld = demoWorld()): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const definition = SUBGRAPHS[name];
    const db = await openDatabase({
      url: databaseUrlFor(name),
      schema: definition.dbSchema,
      entities: definition.entities,
      migrations: definition.migrations,
      poolMax: 2,
    });
    try {
      await SEEDERS[name](db.dataSource, world);
    } finally {
      await db.dataSource.destroy();
    }
  }
}

/** True when the clients schema already holds staff (the demo was seeded before). */
export async function isSeeded(clientsDatabaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: clientsDatabaseUrl });
  await client.connect();
  try {
    return (await countStaff(client)) > 0;
  } finally {
    await client.end();
  }
}
