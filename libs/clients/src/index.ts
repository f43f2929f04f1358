export { clientsSubgraph, buildClientsSchema } from './subgraph';
export type { ClientsContext } from './context';
// The domain rules the demo and bench data in libs/seed/clients are built with.
export { STANDARD_CHECKLIST } from './assessment/checklist';
export { recomputePriorities, recomputeStalePriorities } from './caseload/priority.store';
export { clientsEventConsumer, createClientsEventConsumer } from './caseload/signals.consumer';
export { foldName, searchNameOf, sortKeyOf } from './shared/names';
// The agencies' days, for the benchmark's settling of the jobs before the services run.
export { organizationTimeZones } from './organization/time-zone';
