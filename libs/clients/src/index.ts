export { clientsSubgraph, buildClientsSchema } from './subgraph';
export { seedClients } from './seed';
export type { ClientsContext } from './context';
