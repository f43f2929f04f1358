/**
 * What a directory client (a machine client, an anonymous reader of the
 * public directory) may ask of the GraphQL API: the root fields the resources
 * subgraph serves (its queries; its directory edits for a machine client
 * whose token grants `directory:write`), read from the supergraph so that a
 * new directory query needs no change here. Anything else is refused before
 * any subgraph runs: FORBIDDEN for a machine client, UNAUTHENTICATED for an
 * anonymous reader (a staff member's token opens the rest). Fields of other
 * subgraphs nested in a directory answer are refused by those subgraphs,
 * which answer no directory client at all.
 */
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, parse } from 'graphql';
import type { Actor } from '@caseflow/auth';

/** The graph of the supergraph that serves the directory. */
const DIRECTORY_GRAPH = 'RESOURCES';

export interface DirectoryFields {
  query: ReadonlySet<string>;
  mutation: ReadonlySet<string>;
}

/** The root fields the resources subgraph alone resolves, by operation type. */
export function directoryFieldsOf(supergraphSdl: string): DirectoryFields {
  const fields = { query: new Set<string>(), mutation: new Set<string>() };
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const target = definition.name.value === 'Query' ? fields.query : definition.name.value === 'Mutation' ? fields.mutation : undefined;
    for (const field of target ? (definition.fields ?? []) : []) {
      const graphs = (field.directives ?? [])
        .filter((d) => d.name.value === 'join__field')
        .map((d) => d.arguments?.find((a) => a.name.value === 'graph')?.value)
        .map((v) => (v?.kind === Kind.ENUM ? v.value : undefined));
      if (graphs.length > 0 && graphs.every((g) => g === DIRECTORY_GRAPH)) target?.add(field.name.value);
    }
  }
  return fields;
}

/** The root fields of the operation (fragments spread at the root included) that a directory client may not ask for. */
function refusedFields(actor: Actor, document: DocumentNode, operation: OperationDefinitionNode, allowed: DirectoryFields): string[] {
  const writes = actor.client?.kind === 'machine' && actor.client.write;
  const permitted =
    operation.operation === 'query' ? allowed.query : operation.operation === 'mutation' && writes ? allowed.mutation : new Set<string>();
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const refused: string[] = [];
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections'], seen: Set<string>) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename' && !permitted.has(selection.name.value)) refused.push(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet.selections, seen);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet.selections, seen);
      }
    }
  };
  visit(operation.selectionSet.selections, new Set());
  return refused;
}

/** The refusal of a directory client's operation that asks for more than the directory; undefined for staff or an allowed one. */
export function directoryClientRefusal(
  actor: Actor,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  allowed: DirectoryFields,
): GraphQLError | undefined {
  if (!actor.client) return undefined;
  const refused = refusedFields(actor, document, operation, allowed);
  if (refused.length === 0) return undefined;
  const fields = refused.join(', ');
  if (actor.client.kind === 'anonymous') {
    return new GraphQLError(`Only the resource directory is public; ${fields} needs a bearer token`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  const reason =
    operation.operation === 'mutation' && !actor.client.write
      ? 'changing the directory needs the directory:write scope'
      : 'a directory client reads the resource directory only';
  return new GraphQLError(`Not allowed for this client: ${fields} (${reason})`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}
