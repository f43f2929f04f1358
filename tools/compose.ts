/**
 * `npm run compose` writes apps/gateway/supergraph.graphql and its copy for the
 * Kubernetes supergraph ConfigMap (deploy/kustomize/base/supergraph.graphql, a
 * build output); `npm run compose -- --check` fails when the supergraph is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SUPERGRAPH_FILE, composeSupergraph } from '@caseflow/platform';

async function main(): Promise<void> {
  const supergraph = await composeSupergraph();
  const file = relative(process.cwd(), SUPERGRAPH_FILE);
  if (process.argv.includes('--check')) {
    if (readFileSync(SUPERGRAPH_FILE, 'utf8') !== supergraph) {
      process.stderr.write(`${file} is stale: run npm run compose\n`);
      process.exit(1);
    }
    process.stdout.write(`${file} is up to date\n`);
    return;
  }
  writeFileSync(SUPERGRAPH_FILE, supergraph);
  process.stdout.write(`wrote ${file}\n`);
  // The Kustomize base's copy, as `npm run build` makes it.
  require('./kustomize-supergraph.js'); // eslint-disable-line @typescript-eslint/no-require-imports
  process.stdout.write('wrote deploy/kustomize/base/supergraph.graphql\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
