export * from './env';
export * from './http';
export * from './ports';
export * from './postgres';
export * from './subgraph';
export * from './issuer';
export * from './process';
export * from './subgraph-process';
