export * from './audit';
export * from './audit-writer';
export * from './replay';
