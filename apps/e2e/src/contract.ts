/**
 * The project's own copies of the users' operations (apps/e2e/src/contract,
 * copied unchanged from the product's contract). A file may hold several
 * operations; `operation` returns one of them as a document of its own, with
 * the fragments it uses, exactly as written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, Kind, parse, print } from 'graphql';

export function contractFile(name: string): string {
  return readFileSync(join(__dirname, 'contract', `${name}.graphql`), 'utf8');
}

export function operation(file: string, name?: string): string {
  const document = parse(contractFile(file));
  const keep = (d: DefinitionNode) =>
    d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name));
  const definitions = document.definitions.filter(keep);
  if (!definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) throw new Error(`no operation ${name} in ${file}.graphql`);
  return print({ ...document, definitions });
}
