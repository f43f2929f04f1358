import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ServiceMetrics } from './metrics';

/**
 * Counts each GraphQL operation an Apollo Server answers: by name (bounded,
 * see `operationLabel`) and type, its latency, and every error in the answer
 * by the code the caller sees (after masking). An operation refused before
 * it is known (a syntax error) counts as `(unparsed)`.
 */
export function operationMetricsPlugin<C extends BaseContext>(metrics: ServiceMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = '(unparsed)';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: resolved }) {
          operation = metrics.operationLabel(operationName);
          type = resolved?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          for (const error of errors) metrics.errors.inc({ operation, code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          metrics.operations.inc({ operation, type, outcome: errors.length > 0 ? 'error' : 'ok' });
          metrics.operationDuration.observe({ operation, type }, seconds);
        },
      };
    },
  };
}
