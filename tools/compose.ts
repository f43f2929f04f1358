/** `npm run compose` writes apps/gateway/supergraph.graphql; `npm run compose -- --check` fails when it is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_FILE, composeSupergraph } from '@caseflow/platform';

async function main(): Promise<void> {
  const supergraph = await composeSupergraph();
  const file = relative(process.cwd(), SUPERGRAPH_FILE);
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
    if (committed !== supergraph) {
      process.stderr.write(`${file} is stale: run npm run compose\n`);
      process.exit(1);
    }
    process.stdout.write(`${file} is up to date\n`);
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  process.stdout.write(`wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
