/**
 * `npm run compose` writes apps/gateway/supergraph.graphql and its copy for the
 * Kubernetes supergraph ConfigMap (deploy/kustomize/base/supergraph.graphql);
 * `npm run compose -- --check` fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SUPERGRAPH_FILE, composeSupergraph } from '@caseflow/platform';

const FILES = [SUPERGRAPH_FILE, join(__dirname, '..', 'deploy', 'kustomize', 'base', 'supergraph.graphql')];

async function main(): Promise<void> {
  const supergraph = await composeSupergraph();
  for (const path of FILES) {
    const file = relative(process.cwd(), path);
    if (process.argv.includes('--check')) {
      if (readFileSync(path, 'utf8') !== supergraph) {
        process.stderr.write(`${file} is stale: run npm run compose\n`);
        process.exit(1);
      }
      process.stdout.write(`${file} is up to date\n`);
      continue;
    }
    writeFileSync(path, supergraph);
    process.stdout.write(`wrote ${file}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
