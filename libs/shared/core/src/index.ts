export * from './errors';
export * from './logger';
export * from './lifecycle';
export * from './ports';
export * from './request-signal';
export * from './fingerprint';
export * from './log-errors';
export * from './csv';
