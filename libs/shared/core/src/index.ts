export * from './errors';
export * from './logger';
export * from './lifecycle';
export * from './ports';
export * from './input';
