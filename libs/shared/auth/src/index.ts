export * from './actor';
export * from './bearer-token';
export * from './client-access';
export * from './dev-keys';
export * from './internal-token';
export * from './jwks';
export * from './peer';
export * from './staff-directory';
