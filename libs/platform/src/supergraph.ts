import 'reflect-metadata';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { buildClientsSchema } from '@caseflow/clients';
import { buildPlansSchema } from '@caseflow/plans';
import { buildReferralsSchema } from '@caseflow/referrals';
import { buildResourcesSchema } from '@caseflow/resources';
import { buildNotificationsSchema } from '@caseflow/notifications';

export const SUPERGRAPH_FILE = join(__dirname, '..', '..', '..', 'apps', 'gateway', 'supergraph.graphql');

const subgraphs: Array<{ name: string; url: string; build: () => Promise<GraphQLSchema> }> = [
  { name: 'clients', url: 'http://127.0.0.1:4001/graphql', build: buildClientsSchema },
  { name: 'plans', url: 'http://127.0.0.1:4002/graphql', build: buildPlansSchema },
  { name: 'referrals', url: 'http://127.0.0.1:4003/graphql', build: buildReferralsSchema },
  { name: 'resources', url: 'http://127.0.0.1:4004/graphql', build: buildResourcesSchema },
  { name: 'notifications', url: 'http://127.0.0.1:4005/graphql', build: buildNotificationsSchema },
];

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Each subgraph's SDL as it serves it in `_service { sdl }`, built from its type-graphql classes. */
export async function subgraphSdls(): Promise<SubgraphSdl[]> {
  const result: SubgraphSdl[] = [];
  for (const s of subgraphs) result.push({ name: s.name, url: s.url, sdl: printSubgraphSchema(await s.build()) });
  return result;
}

/** Composes the subgraphs with @apollo/composition; throws with every composition error listed. */
export async function composeSupergraph(): Promise<string> {
  const sdls = await subgraphSdls();
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return `# Composed by \`npm run compose\` from the subgraphs' SDL. Do not edit by hand.\n${result.supergraphSdl}\n`;
}

/** The API schema clients see through the gateway (the supergraph minus federation internals). */
export async function composedApiSchema(): Promise<GraphQLSchema> {
  const sdls = await subgraphSdls();
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return result.schema.toAPISchema().toGraphQLJSSchema();
}
