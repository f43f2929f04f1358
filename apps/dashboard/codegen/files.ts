import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { type OperationSource, schemaFromSupergraph, withContract } from './generate';

const APP = join(__dirname, '..');
export const OPERATIONS_DIR = join(APP, 'src', 'graphql');
export const GENERATED_FILE = join(OPERATIONS_DIR, 'generated.ts');
export const SUPERGRAPH_FILE = join(APP, '..', 'gateway', 'supergraph.graphql');
/** Contracts the dashboard codes against before the subgraphs serving them are composed (see docs/dashboard.md). */
export const CONTRACT_DIR = join(APP, 'codegen', 'contract');

export function loadSchema(): GraphQLSchema {
  const schema = schemaFromSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  if (!existsSync(CONTRACT_DIR)) return schema;
  const contracts = readdirSync(CONTRACT_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(CONTRACT_DIR, f), 'utf8'));
  return contracts.reduce(withContract, schema);
}

export function loadOperationSources(): OperationSource[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(OPERATIONS_DIR, file), 'utf8') }));
}
