export { HARBOUR_TIME_ZONE, seedClients } from './seed';
export { demoCaseTeam, type DemoCaseTeamMember } from './case-team';
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
