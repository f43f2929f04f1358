/**
 * Request limits checked at the gateway before any subgraph is called: query
 * depth, aliases, root fields and an estimated cost in which a list field
 * multiplies what is under it by its page size. Each is a GraphQL validation
 * rule, so a refused operation never reaches the query planner.
 */
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxCost: number;
  /** The page size assumed for a list field without `first` (connections default to their own default). */
  defaultListSize: number;
}

// Lists that are not connections are short by design (goals of a plan, history of a referral): 5 is their typical size.
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 30, maxRootFields: 20, maxCost: 25_000, defaultListSize: 5 };

function refuse(context: ValidationContext, message: string, node: OperationDefinitionNode): void {
  context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
}

type Walk = (selectionSet: SelectionSetNode, visit: (field: FieldNode, depth: number) => void, depth?: number, seen?: Set<string>) => void;

function walker(context: ValidationContext): Walk {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk: Walk = (selectionSet, visit, depth = 1, seen = new Set()) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        visit(selection, depth);
        if (selection.selectionSet) walk(selection.selectionSet, visit, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk((selection as InlineFragmentNode).selectionSet, visit, depth, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread twice on one path is counted once; cycles are refused by GraphQL's own rules.
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, visit, depth, new Set([...seen, fragment.name.value]));
      }
    }
  };
  return walk;
}

/** Depth, aliases and root fields of each operation. */
export function shapeLimitRule(limits: QueryLimits): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const walk = walker(context);
      let depth = 0;
      let aliases = 0;
      walk(operation.selectionSet, (field, level) => {
        depth = Math.max(depth, level);
        if (field.alias) aliases += 1;
      });
      const roots = operation.selectionSet.selections.length;
      if (depth > limits.maxDepth) refuse(context, `The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, operation);
      if (aliases > limits.maxAliases)
        refuse(context, `The query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, operation);
      if (roots > limits.maxRootFields)
        refuse(context, `The query asks for ${roots} root fields; at most ${limits.maxRootFields} are allowed`, operation);
    },
  });
}

function pageSizeOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: Record<string, unknown>,
  fallback: number,
): number {
  const first = field.arguments?.find((a) => a.name.value === 'first');
  if (first) {
    const value = valueFromASTUntyped(first.value, variables);
    if (typeof value === 'number' && value >= 0) return value;
  }
  const declared = definition?.args.find((a) => a.name === 'first')?.defaultValue;
  return typeof declared === 'number' ? declared : fallback;
}

/**
 * The estimated cost: every field costs 1, times the sizes of the lists it
 * sits under. A connection (a field with `first`) multiplies by its page size
 * (the variable's value when it is one), any other list by `defaultListSize`.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: QueryLimits,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  let cost = 0;
  const visit = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLNamedType | null | undefined,
    multiplier: number,
    seen: Set<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fields = parentType && (isObjectType(parentType) || isInterfaceType(parentType)) ? parentType.getFields() : {};
        const definition = fields[selection.name.value];
        cost += multiplier;
        if (!selection.selectionSet || !definition) continue;
        const type = getNullableType(definition.type);
        const hasFirst = definition.args.some((a) => a.name === 'first');
        const factor = hasFirst
          ? pageSizeOf(selection, definition, variables, limits.defaultListSize)
          : isListType(type)
            ? limits.defaultListSize
            : 1;
        visit(selection.selectionSet, getNamedType(definition.type), multiplier * Math.max(1, factor), seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        visit(selection.selectionSet, typeName ? schema.getType(typeName) : parentType, multiplier, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          visit(
            fragment.selectionSet,
            schema.getType(fragment.typeCondition.name.value),
            multiplier,
            new Set([...seen, fragment.name.value]),
          );
        }
      }
    }
  };
  visit(operation.selectionSet, root, 1, new Set());
  return cost;
}

/** The cost check, as an error to throw before planning (variables are known then). */
export function costError(cost: number, limits: QueryLimits): GraphQLError | null {
  if (cost <= limits.maxCost) return null;
  return new GraphQLError(`The query's estimated cost is ${cost}; at most ${limits.maxCost} is allowed (ask for smaller pages)`, {
    extensions: { code: 'BAD_USER_INPUT', cost, maxCost: limits.maxCost },
  });
}
