/**
 * `npm run contract:check -- <SDL file> [<SDL file>…]` lists every type,
 * field, argument and enum value of the contract those files make, read
 * together (api.graphql and the `next/*.graphql` files that extend it), that
 * the composed API lacks or has changed; exit 1 when there is any, 0 when the
 * API contains the contract.
 */
import { readFileSync } from 'node:fs';
import { contractProblemsFromSdls } from './lib/contract';
import { composedApiSchema } from '@caseflow/platform';

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    process.stderr.write('usage: npm run contract:check -- <SDL file> [<SDL file that extends it>…]\n');
    process.exit(2);
  }
  const file = files.join(' + ');
  const problems = contractProblemsFromSdls(
    files.map((f) => readFileSync(f, 'utf8')),
    await composedApiSchema(),
  );
  if (problems.length === 0) {
    process.stdout.write(`The composed API contains every part of ${file}.\n`);
    return;
  }
  process.stdout.write(
    `The composed API lacks or changes ${problems.length} part(s) of ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
