/**
 * GraphQL errors as the pages need them: the message to show, the stable
 * code, field errors (BAD_USER_INPUT's `extensions.field`) to put beside
 * their fields, and the parts of a partial answer that are missing.
 */
export interface GraphQLErrorLike {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface CombinedErrorLike {
  message: string;
  graphQLErrors: GraphQLErrorLike[];
  networkError?: Error;
  response?: unknown;
}

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'UNAVAILABLE'
  | 'NETWORK'
  | 'UNKNOWN';

export function codeOf(error: GraphQLErrorLike): ErrorCode {
  const code = String(error.extensions?.code ?? 'UNKNOWN');
  return (
    ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'UNAVAILABLE'].includes(code)
      ? code
      : 'UNKNOWN'
  ) as ErrorCode;
}

function statusOf(error: CombinedErrorLike): number | null {
  const response = error.response as { status?: number } | undefined;
  return typeof response?.status === 'number' ? response.status : null;
}

/** The session is no longer accepted (expired or revoked token). */
export function isUnauthenticated(error: CombinedErrorLike | null | undefined): boolean {
  if (!error) return false;
  return statusOf(error) === 401 || error.graphQLErrors.some((e) => codeOf(e) === 'UNAUTHENTICATED');
}

/** The main code of a failure: the first GraphQL error's, or NETWORK when nothing answered. */
export function mainCode(error: CombinedErrorLike): ErrorCode {
  if (error.graphQLErrors.length) return codeOf(error.graphQLErrors[0]);
  return error.networkError ? 'NETWORK' : 'UNKNOWN';
}

/** Waits for a change's answer and calls `onConflict` when it names a stale version (CONFLICT); the answer is passed on. */
export async function reportingConflict<T extends { error?: CombinedErrorLike }>(sent: Promise<T>, onConflict: () => void): Promise<T> {
  const result = await sent;
  if (result.error && mainCode(result.error) === 'CONFLICT') onConflict();
  return result;
}

const PLAIN: Partial<Record<ErrorCode, string>> = {
  NETWORK: 'The server could not be reached. Check the connection and try again.',
  UNAVAILABLE: 'A service this page needs is unavailable right now. Try again in a moment.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
};

/** A sentence for the person: the server's message for domain errors, plain words for the rest. */
export function messageOf(error: CombinedErrorLike): string {
  const code = mainCode(error);
  if (code === 'UNKNOWN' && !error.graphQLErrors.length) return 'Something went wrong. Try again.';
  const first = error.graphQLErrors[0];
  if (code === 'UNAVAILABLE') return first?.message && !/internal/i.test(first.message) ? first.message : (PLAIN.UNAVAILABLE as string);
  if (PLAIN[code]) return PLAIN[code] as string;
  if (code === 'UNKNOWN') return 'Something went wrong on the server. Try again; if it keeps happening, tell your administrator.';
  return first?.message ?? error.message;
}

/** `extensions.field` → the problem, without the field's name the server puts first. */
export function fieldErrors(error: CombinedErrorLike | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (codeOf(e) !== 'BAD_USER_INPUT' || typeof field !== 'string') continue;
    const problem = e.message.startsWith(`${field} `) ? e.message.slice(field.length + 1) : e.message;
    out[field] = problem.charAt(0).toUpperCase() + problem.slice(1) + (/[.!?]$/.test(problem) ? '' : '.');
  }
  return out;
}

/**
 * Server field names mapped to a form's own names: `input.firstName` →
 * `firstName`, `input.contactPreference.phone` → `contactPreference.phone`.
 * Errors for fields the form does not have are returned under `_form`.
 */
export function formFieldErrors(
  error: CombinedErrorLike | null | undefined,
  known: readonly string[] | ((name: string) => boolean),
  strip: RegExp = /^input\./,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const name = field.replace(strip, '');
    if (typeof known === 'function' ? known(name) : known.includes(name)) out[name] = message;
    else out._form = out._form ? `${out._form} ${field}: ${message}` : `${field}: ${message}`;
  }
  return out;
}

/**
 * The errors of a partial answer about one part: those under its path (e.g.
 * ['client', 'actionPlans']), and — since the gateway cannot always name a
 * path when a whole subgraph is down — those without a path that name the
 * service owning the part (`extensions.service`, e.g. 'plans').
 */
export function errorsUnder(
  error: CombinedErrorLike | null | undefined,
  prefix: ReadonlyArray<string | number>,
  service?: string,
): GraphQLErrorLike[] {
  return (error?.graphQLErrors ?? []).filter((e) =>
    e.path ? prefix.every((p, i) => e.path?.[i] === p) : Boolean(service) && e.extensions?.service === service,
  );
}

/** The first error about a part, for "this part is missing" notes. */
export function partMissing(
  error: CombinedErrorLike | null | undefined,
  prefix: ReadonlyArray<string | number>,
  service?: string,
): { code: ErrorCode; message: string } | null {
  const e = errorsUnder(error, prefix, service)[0];
  return e ? { code: codeOf(e), message: e.message } : null;
}
