export { clientsSubgraph, buildClientsSchema } from './subgraph';
export type { ClientsContext } from './context';
// The domain rules the demo and bench data in libs/seed/clients are built with.
export { STANDARD_CHECKLIST } from './assessment/checklist';
export { recomputePriorities, recomputeStalePriorities } from './caseload/priority.store';
export { clientsEventConsumer, createClientsEventConsumer } from './caseload/signals.consumer';
export { foldName, searchNameOf, sortKeyOf } from './shared/names';
