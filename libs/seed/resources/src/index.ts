export { seedResources, seedDirectoryAtScale, DEMO_DIRECTORY, SCALE_UNIT } from './seed';
export { seedResourcesAtScale, scaleDirectoryCatalog, directoryUnits, type ScaleDirectoryCatalog } from './scale';
