export * from './catalog';
export * from './outbox';
export * from './consumer';
export * from './inbox';
export * from './queue';
export * from './relay';
export * from './runner';
export * from './runtime';
