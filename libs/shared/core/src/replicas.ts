/**
 * Calls to a service that runs as several replicas, each with its own
 * address: requests go round-robin, and a replica that could not be reached
 * rests for a moment (the next requests go to the others) before it is tried
 * again. With one address (a Kubernetes Service, which spreads the requests
 * itself) every request goes to it.
 */
import { performance } from 'node:perf_hooks';

/** How long a replica that could not be reached is passed over. */
export const REPLICA_REST_MS = 2000;

export interface ReplicaSet {
  readonly urls: readonly string[];
  /** Every replica once, in the order to try them: round-robin, resting ones last. */
  order(): string[];
  /** The replica could not be reached (or dropped the connection): pass it over for a while. */
  rest(url: string): void;
}

export function createReplicaSet(urls: readonly string[], restMs = REPLICA_REST_MS): ReplicaSet {
  if (urls.length === 0) throw new Error('A service needs at least one address');
  let next = 0;
  const restingUntil = new Map<string, number>();
  return {
    urls,
    order: () => {
      if (urls.length === 1) return [urls[0]];
      const start = next;
      next = (next + 1) % urls.length;
      const now = performance.now();
      const rotation = urls.map((_, i) => urls[(start + i) % urls.length]);
      const resting = (url: string) => (restingUntil.get(url) ?? 0) > now;
      return [...rotation.filter((url) => !resting(url)), ...rotation.filter(resting)];
    },
    rest: (url) => {
      if (urls.length > 1) restingUntil.set(url, performance.now() + restMs);
    },
  };
}

/** A comma-separated address list (as `<PEER>_URL` may hold) as its addresses. */
export function replicaUrls(list: string | readonly string[]): string[] {
  const all = typeof list === 'string' ? list.split(',') : [...list];
  return all.map((url) => url.trim()).filter((url) => url.length > 0);
}

/**
 * How a call that threw failed at the connection: `unreached` when the
 * request cannot have reached the service (refused, no route, name not
 * found, connect timeout) — safe to send elsewhere whatever it does;
 * `dropped` when the connection broke after it may have been sent (reset,
 * closed by the other side) — safe to resend only when repeating it is
 * harmless; null for anything else (a timeout of the whole call, an abort).
 */
export function connectionFailure(error: unknown): 'unreached' | 'dropped' | null {
  const codes = errorCodes(error);
  if (codes.some((code) => UNREACHED.has(code))) return 'unreached';
  if (codes.some((code) => DROPPED.has(code))) return 'dropped';
  return null;
}

const UNREACHED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The codes of an error, its cause and, for an AggregateError (several addresses tried), each of its errors. */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  return [
    ...(typeof code === 'string' ? [code] : []),
    ...errorCodes(cause, depth + 1),
    ...(Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : []),
  ];
}
