/**
 * When a subgraph answers null for a field the schema declares non-null and
 * reports no error, @apollo/gateway nulls the parent and puts its own errors
 * under the response's `extensions.valueCompletion`, past `formatError`: their
 * messages name internal types and fields. They become masked errors (code,
 * message, path), and the full error goes to the log under the request id.
 */
import type { GraphQLFormattedError } from 'graphql';
import { errorFields, type Logger } from '@caseflow/core';

interface SingleResult {
  errors?: ReadonlyArray<GraphQLFormattedError>;
  extensions?: Record<string, unknown>;
}

export function maskValueCompletion(result: SingleResult, logger: Logger, requestId: string): void {
  const completion = result.extensions?.valueCompletion;
  if (completion === undefined) return;
  const { valueCompletion: _, ...rest } = result.extensions as Record<string, unknown>;
  result.extensions = Object.keys(rest).length > 0 ? rest : undefined;
  const errors = Array.isArray(completion)
    ? (completion as Array<{ path?: ReadonlyArray<string | number> }>)
    : [completion as { path?: ReadonlyArray<string | number> }];
  for (const error of errors) logger.error('value completion failed', { requestId, ...errorFields(error) });
  result.errors = [
    ...(result.errors ?? []),
    ...errors.map((error) => ({
      message: 'Internal server error',
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    })),
  ];
}
