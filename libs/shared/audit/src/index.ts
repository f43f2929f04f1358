export * from './audit';
export * from './audit-writer';
