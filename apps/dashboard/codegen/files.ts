import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { type OperationSource, schemaFromSupergraph } from './generate';

const APP = join(__dirname, '..');
export const OPERATIONS_DIR = join(APP, 'src', 'graphql');
export const GENERATED_FILE = join(OPERATIONS_DIR, 'generated.ts');
export const SUPERGRAPH_FILE = join(APP, '..', 'gateway', 'supergraph.graphql');

export function loadSchema(): GraphQLSchema {
  return schemaFromSupergraph(readFileSync(SUPERGRAPH_FILE, 'utf8'));
}

export function loadOperationSources(): OperationSource[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(OPERATIONS_DIR, file), 'utf8') }));
}
