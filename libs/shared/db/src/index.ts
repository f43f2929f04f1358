export * from './data-source';
export * from './keyset';
export * from './sql-counter';
export * from './embedded';
export * from './generated-sql';
export * from './request-transactions';
export * from './roles';
export * from './passwords';
