export { resourcesSubgraph, buildResourcesSchema } from './subgraph';
export { seedResources, seedDirectoryAtScale, DEMO_DIRECTORY, SCALE_UNIT } from './seed';
export type { ResourcesContext } from './context';
export { importPackage, PackageError, type ImportReport } from './hsds/import';
export { exportPackage } from './hsds/export';
export { seedResourcesAtScale, scaleDirectoryCatalog, directoryUnits, type ScaleDirectoryCatalog } from './scale';
