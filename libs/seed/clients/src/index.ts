export { HARBOUR_TIME_ZONE, seedClients } from './seed';
export {
  seedClientsAtScale,
  scaleClientCatalog,
  seedConsentsAtScale,
  refreshClientsAtScale,
  refreshStalePriorities,
  scalePartnerStaff,
  BENCH_EMAIL_DOMAIN,
  type ClientsScalePlan,
  type ScaleClientCatalog,
  type ScaleConsentRequests,
} from './scale';
