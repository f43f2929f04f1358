/**
 * `npm run contract:check -- <path to an SDL file>` lists every type, field,
 * argument and enum value of that SDL that the composed API lacks or has
 * changed; exit 1 when there is any, 0 when the API contains the contract.
 */
import { readFileSync } from 'node:fs';
import { contractProblemsFromSdl } from './lib/contract';
import { composedApiSchema } from '@caseflow/platform';

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!file) {
    process.stderr.write('usage: npm run contract:check -- <path to an SDL file>\n');
    process.exit(2);
  }
  const problems = contractProblemsFromSdl(readFileSync(file, 'utf8'), await composedApiSchema());
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
