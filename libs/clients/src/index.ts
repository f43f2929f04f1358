export { clientsSubgraph, buildClientsSchema } from './subgraph';
export { seedClients } from './seed';
export type { ClientsContext } from './context';
export { seedClientsAtScale, scaleClientCatalog, seedConsentsAtScale, refreshClientsAtScale, refreshStalePriorities, scalePartnerStaff, BENCH_EMAIL_DOMAIN, type ClientsScalePlan, type ScaleClientCatalog, type ScaleConsentRequests } from './scale';
