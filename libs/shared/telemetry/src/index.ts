export * from './tracing';
export * from './service-context';
export * from './metrics';
export * from './metrics-server';
export * from './apollo-metrics';
