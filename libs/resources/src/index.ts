export { resourcesSubgraph, buildResourcesSchema } from './subgraph';
export { seedResources } from './seed';
export type { ResourcesContext } from './context';
