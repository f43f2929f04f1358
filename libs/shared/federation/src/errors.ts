/**
 * The one place a subgraph turns errors into what its caller sees. Domain
 * errors keep their stable code and message; a lost database becomes
 * UNAVAILABLE; GraphQL's own validation errors pass; anything else is masked
 * as INTERNAL_SERVER_ERROR (the details go to the log, never to the caller).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { ERROR_CODES, fieldOfCoercionMessage, isAppError, REQUEST_ERROR_CODES, shortenQuoted } from '@caseflow/core';
import { isConnectionError } from '@caseflow/db';

const passThroughCodes = new Set<string>([
  ...REQUEST_ERROR_CODES,
  ...ERROR_CODES,
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export type ErrorClass = 'domain' | 'unavailable' | 'graphql' | 'internal';

export function classifyError(error: unknown): ErrorClass {
  const original = unwrapResolverError(error);
  if (isAppError(original)) return original.code === 'UNAVAILABLE' ? 'unavailable' : 'domain';
  if (isConnectionError(original)) return 'unavailable';
  if (original instanceof GraphQLError && passThroughCodes.has(String(original.extensions?.code))) return 'graphql';
  if (
    error instanceof GraphQLError &&
    !(original instanceof Error && original !== error) &&
    passThroughCodes.has(String(error.extensions?.code))
  ) {
    return 'graphql';
  }
  return 'internal';
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  switch (classifyError(error)) {
    case 'domain': {
      const e = original as import('@caseflow/core').AppError;
      return { ...base, message: e.message, extensions: { code: e.code, ...e.details } };
    }
    case 'unavailable':
      return {
        ...base,
        message: isAppError(original) ? original.message : 'The database is unavailable; retry later',
        extensions: { code: 'UNAVAILABLE' },
      };
    case 'graphql': {
      // A value refused while coercing variables names its field; the message never quotes more than an excerpt of it.
      const code = formatted.extensions?.code;
      const field = code === 'BAD_USER_INPUT' ? fieldOfCoercionMessage(formatted.message) : undefined;
      return { ...base, message: shortenQuoted(formatted.message), extensions: { code, ...(field ? { field } : {}) } };
    }
    default:
      return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
}
