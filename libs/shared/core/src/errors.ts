/**
 * Domain errors with stable codes. Each becomes a GraphQL error whose
 * `extensions.code` is the code, in one place per subgraph (the federation
 * library's error formatter). Messages are written for the person who sent
 * the request; they never carry SQL, stack traces or another person's data.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'UNAVAILABLE',
  'RATE_LIMITED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes GraphQL itself gives a request it refuses before running it; callers may see them as they are. */
export const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A bad value in a named input field, e.g. `badInput('input.firstName', 'must not be empty')`. */
export function badInput(field: string, problem: string): AppError {
  return new AppError('BAD_USER_INPUT', `${field} ${problem}`, { field });
}

export function unauthenticated(message = 'A valid bearer token is required'): AppError {
  return new AppError('UNAUTHENTICATED', message);
}

export function forbidden(message = 'You are not allowed to do this'): AppError {
  return new AppError('FORBIDDEN', message);
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
}

export function conflict(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', message, details);
}

export function invalidTransition(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_TRANSITION', message, details);
}

export function unavailable(message = 'A service this request needs is unavailable; retry later'): AppError {
  return new AppError('UNAVAILABLE', message);
}

/** The caller went over its request budget: HTTP 429, with `Retry-After` (whole seconds, at least 1). */
export function rateLimited(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('RATE_LIMITED', `Too many requests; retry after ${seconds} s`, { retryAfterSeconds: seconds });
}

/** The `Retry-After` seconds a RATE_LIMITED error carries (none for any other error). */
export function retryAfterOf(error: AppError): number | undefined {
  const seconds = error.details.retryAfterSeconds;
  return error.code === 'RATE_LIMITED' && typeof seconds === 'number' ? seconds : undefined;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
