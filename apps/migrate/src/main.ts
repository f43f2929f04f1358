/**
 * The production migration step (the Kubernetes migration Job, or
 * `node dist/apps/migrate/apps/migrate/src/main.js`): each subgraph's pending
 * migrations, run as its owner role (`<NAME>_MIGRATION_DATABASE_URL` or
 * `MIGRATION_DATABASE_URL`) under the migrations' advisory lock, then the
 * grants to its runtime role (the user of `<NAME>_DATABASE_URL` or
 * `DATABASE_URL`); and the queue of the domain events (`EVENTS_DATABASE_URL`,
 * the role owning the `events` schema): pg-boss's tables installed or
 * upgraded, with the queue of each migrated subgraph that consumes events.
 * Arguments name the subgraphs to migrate (all four when none). `npm run migrate` does the same from source, with the embedded
 * server when no DATABASE_URL is set; this one never starts a database.
 */
import 'reflect-metadata';
import { z } from 'zod';
import { clientsSubgraph } from '@caseflow/clients';
import { acrossSettings, loadConfigOrExit, setting } from '@caseflow/config';
import { urlUser } from '@caseflow/db';
import { migrateSubgraph, type RequestContext, type SubgraphDefinition } from '@caseflow/federation';
import { plansSubgraph } from '@caseflow/plans';
import { referralsSubgraph } from '@caseflow/referrals';
import { resourcesSubgraph } from '@caseflow/resources';

const SUBGRAPHS = {
  clients: clientsSubgraph,
  plans: plansSubgraph,
  referrals: referralsSubgraph,
  resources: resourcesSubgraph,
} as unknown as Record<string, SubgraphDefinition<RequestContext>>;

function chosen(args: string[]): string[] {
  const unknown = args.filter((name) => !(name in SUBGRAPHS));
  if (unknown.length) {
    process.stderr.write(`unknown subgraph(s): ${unknown.join(', ')} (expected ${Object.keys(SUBGRAPHS).join(', ')})\n`);
    process.exit(2);
  }
  return args.length ? args : Object.keys(SUBGRAPHS);
}

/** Each chosen subgraph's owner URL and runtime URL, from its own variable or the shared one; every missing one listed. */
function loadUrls(names: string[]) {
  const shape: Record<string, z.ZodType> = {
    DATABASE_URL: setting.optionalUrl(),
    MIGRATION_DATABASE_URL: setting.optionalUrl(),
    EVENTS_DATABASE_URL: setting.url(),
  };
  for (const name of names) {
    shape[`${name.toUpperCase()}_DATABASE_URL`] = setting.optionalUrl();
    shape[`${name.toUpperCase()}_MIGRATION_DATABASE_URL`] = setting.optionalUrl();
  }
  const own = (config: Record<string, unknown>, name: string, kind: 'DATABASE_URL' | 'MIGRATION_DATABASE_URL') =>
    (config[`${name.toUpperCase()}_${kind}`] ?? config[kind]) as string | undefined;
  let schema = z.object(shape);
  for (const name of names)
    for (const kind of ['DATABASE_URL', 'MIGRATION_DATABASE_URL'] as const)
      schema = schema.refine(
        (c) => own(c, name, kind) !== undefined,
        acrossSettings(`${name.toUpperCase()}_${kind} or ${kind} is required`),
      ) as unknown as typeof schema;
  const config = loadConfigOrExit(schema) as Record<string, unknown>;
  return {
    urlOf: (name: string, kind: 'DATABASE_URL' | 'MIGRATION_DATABASE_URL') => own(config, name, kind) as string,
    eventsUrl: config.EVENTS_DATABASE_URL as string,
  };
}

async function main(): Promise<void> {
  const names = chosen(process.argv.slice(2));
  const { urlOf, eventsUrl } = loadUrls(names);
  for (const name of names) {
    await migrateSubgraph(SUBGRAPHS[name], {
      migrationDatabaseUrl: urlOf(name, 'MIGRATION_DATABASE_URL'),
      runtimeRole: urlUser(urlOf(name, 'DATABASE_URL')),
      eventsDatabaseUrl: eventsUrl,
    });
    process.stdout.write(`${name}: migrated\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
