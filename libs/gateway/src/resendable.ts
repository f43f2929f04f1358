/**
 * Whether a subgraph request may be sent again after its connection broke
 * (it may have been done once already): a query, always; a mutation only
 * when every field of it carries a `clientMutationId`, in an argument written
 * in the operation or passed as a variable — the subgraph answers a replayed
 * key with the first answer and does nothing twice. Anything that cannot be
 * read as such is not resent.
 */
import { Kind, type OperationDefinitionNode, parse, type ValueNode } from 'graphql';

const KEY = 'clientMutationId';

export function resendable(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  let request: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return false;
  }
  if (typeof request.query !== 'string') return false;
  // Most calls are queries, read without parsing; a word "mutation" anywhere sends it to the parser.
  if (!request.query.includes('mutation')) return true;
  let operation: OperationDefinitionNode | undefined;
  try {
    const document = parse(request.query);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    operation = operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === request.operationName);
  } catch {
    return false;
  }
  if (!operation) return false;
  if (operation.operation === 'query') return true;
  if (operation.operation !== 'mutation') return false;
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const fields = operation.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || !s.name.value.startsWith('__'));
  return fields.length > 0 && fields.every((s) => s.kind === Kind.FIELD && (s.arguments ?? []).some((a) => keyIn(a.value, variables)));
}

/** An input object (written, or a variable's value) with a non-empty clientMutationId. */
function keyIn(value: ValueNode, variables: Record<string, unknown>): boolean {
  if (value.kind === Kind.VARIABLE) return keyInValue(variables[value.name.value]);
  if (value.kind !== Kind.OBJECT) return false;
  const field = value.fields.find((f) => f.name.value === KEY);
  if (!field) return false;
  if (field.value.kind === Kind.STRING) return field.value.value.length > 0;
  if (field.value.kind === Kind.VARIABLE) return isKey(variables[field.value.name.value]);
  return false;
}

function keyInValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && isKey((value as Record<string, unknown>)[KEY]);
}

const isKey = (value: unknown) => typeof value === 'string' && value.length > 0;
