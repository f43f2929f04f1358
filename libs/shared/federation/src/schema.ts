import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { withNormalizedInput } from './normalize-input';
import { DateTimeScalar } from './scalars';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** A `__resolveReference` per entity type name. */
export type ReferenceResolvers = Record<string, (reference: { id: string }, context: never, info: unknown) => unknown>;

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: the
 * classes give the SDL (with `@key` and `@shareable` from `@Directive`), the
 * `@link` makes composition read it as Federation 2, and the resolvers map
 * plus each entity's `__resolveReference` are handed to @apollo/subgraph.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = withNormalizedInput(schema, createResolversMap(schema)) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: resolveReference,
    } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/**
 * type-graphql gives every field of an object type a resolver of its own,
 * there to run the field's middlewares and authorization, and then read the
 * property — a call and an object per field per row, for every row of every
 * answer. No schema here has either: buildFederatedSchema registers no
 * global middleware and no auth checker. So each object type that leaves it
 * unsaid is marked `simpleResolvers`, and its plain fields are read by
 * GraphQL's default resolver, the same read; `@FieldResolver`s are
 * untouched. A type with a field that has a middleware (`@UseMiddleware`),
 * an `@Authorized`, or a GraphQL name other than its property's — itself,
 * by inheritance or from an interface — keeps type-graphql's wrappers, so
 * nothing a field declares is ever skipped.
 */
function readPlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const guarded: Function[] = [
    ...storage.middlewares.map((m) => m.target),
    ...storage.authorizedFields.map((a) => a.target),
    ...storage.fields.filter((f) => f.schemaName !== f.name).map((f) => f.target),
  ];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const isGuarded = (target: Function) => guarded.some((g) => target === g || target.prototype instanceof g);
  for (const type of storage.objectTypes) {
    if (type.simpleResolvers !== undefined) continue;
    if (isGuarded(type.target) || (type.interfaceClasses ?? []).some(isGuarded)) continue;
    type.simpleResolvers = true;
  }
}
