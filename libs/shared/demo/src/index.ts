export * from './ids';
export * from './roster';
export * from './world';
export * from './scale';
