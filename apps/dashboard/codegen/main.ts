/**
 * `npx nx run dashboard:codegen`: writes src/graphql/generated.ts from the
 * operations in src/graphql/*.graphql and apps/gateway/supergraph.graphql.
 * Fails, writing nothing, when an operation does not validate.
 */
import { writeFileSync } from 'node:fs';
import { GENERATED_FILE, loadOperationSources, loadSchema } from './files';
import { generateTypes, validateOperations } from './generate';

const schema = loadSchema();
const sources = loadOperationSources();
const problems = validateOperations(schema, sources);
if (problems.length) {
  process.stderr.write(
    `The dashboard's operations do not validate against the composed schema:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
writeFileSync(GENERATED_FILE, generateTypes(schema, sources));
process.stdout.write(`wrote ${GENERATED_FILE} (${sources.length} operation files)\n`);
