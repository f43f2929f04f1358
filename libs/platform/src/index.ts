export * from './seed';
export * from './migrate';
export * from './stack';
export * from './supergraph';
export * from './scale';
export * from './dashboard-server';
