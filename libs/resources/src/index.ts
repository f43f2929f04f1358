export { resourcesSubgraph, buildResourcesSchema } from './subgraph';
export type { ResourcesContext } from './context';
export { importPackage, PackageError, type ImportReport } from './hsds/import';
export { exportPackage } from './hsds/export';
export { checkPullOptions, pullDirectory, PullError, type PullReport } from './hsds/pull/pull';
export { loadPullSettings } from './hsds/pull/pull.settings';
// The directory rules the demo and bench data in libs/seed/resources are built with.
export { insertRows } from './shared/insert-rows.sql';
export { DIRECTORY_TIMEZONE } from './shared/timezone';
export { SERVICE_CATEGORY } from './taxonomy/attribute.entity';
export { OPEN_ELIGIBILITY, openEligibilityTerms, readOpenEligibilityCsv } from './taxonomy/open-eligibility';
