/**
 * Request budgets at the gateway, per principal: a staff member (by staff
 * id), a machine client (by client id) and, for anything unauthenticated, an
 * address. Each kind has its own rate and burst. The counting is
 * rate-limiter-flexible's (a maintained limiter with stores for PostgreSQL,
 * Redis and memory): a steady limiter of `ratePerSecond` requests a second,
 * backed by a burst reserve of `burst` requests refilled every
 * `burst / ratePerSecond` seconds (its BurstyRateLimiter, the library's
 * token-bucket shape). With a PostgreSQL URL, every replica counts in one
 * table there, so a principal has one budget across replicas; without one,
 * each replica counts in its own memory. A refusal is RATE_LIMITED (HTTP 429)
 * with `Retry-After`, counted in `caseflow_rate_limited_total{kind}`.
 */
import type { IncomingMessage } from 'node:http';
import type { Actor } from '@caseflow/auth';
import { type Logger, errorFields, rateLimited } from '@caseflow/core';
import { Counter, type Registry } from 'prom-client';
import { Pool } from 'pg';
import { BurstyRateLimiter, type IRateLimiterOptions, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { principalOf } from './principal';

/** The kinds of budget: a staff member's, a machine client's, an address's (anything unauthenticated, and anonymous readers of a public directory). */
export type BudgetKind = 'staff' | 'client' | 'anonymous';

export const BUDGET_KINDS: readonly BudgetKind[] = ['staff', 'client', 'anonymous'];

/** Whose budget a request is counted in. */
export interface LimitKey {
  kind: BudgetKind;
  id: string;
}

export interface Rate {
  /** Requests a second, sustained. */
  ratePerSecond: number;
  /** Requests beyond the rate that a principal may make at once, refilled every burst / ratePerSecond seconds. */
  burst: number;
}

/** Generous for people (the dashboard's busiest page sends a few dozen requests); stricter for anyone unauthenticated. */
export const DEFAULT_RATES: Readonly<Record<BudgetKind, Rate>> = {
  staff: { ratePerSecond: 20, burst: 100 },
  client: { ratePerSecond: 10, burst: 50 },
  anonymous: { ratePerSecond: 5, burst: 50 },
};

export interface RateLimitOptions {
  rates?: Partial<Record<BudgetKind, Rate>>;
  /** A PostgreSQL database the replicas share (the limiter creates its table there); none: each replica counts alone, in memory. */
  databaseUrl?: string;
  /** The table in that database; default `gateway_rate_limits`. */
  tableName?: string;
  /** Believe the last address in `X-Forwarded-For` (the one the reverse proxy in front appended); default false. */
  trustProxy?: boolean;
}

/**
 * The address a request came from: the connection's, or, behind a trusted
 * reverse proxy, the last `X-Forwarded-For` entry (the one that proxy wrote;
 * earlier entries are whatever the caller sent).
 */
export function addressOf(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : header)?.split(',').pop()?.trim();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * Whose budget a request is counted in: the verified caller's (a staff member
 * by staff id, a machine client by client id), else, for an anonymous reader
 * of the public directory or a request refused as unauthenticated, the
 * address.
 */
export function limitKeyOf(request: IncomingMessage, verifiedIdentity: Actor | null, trustProxy = false): LimitKey {
  const principal = verifiedIdentity ? principalOf(verifiedIdentity) : null;
  if (principal?.key && principal.kind === 'staff') return { kind: 'staff', id: principal.key };
  if (principal?.key && principal.kind === 'machine') return { kind: 'client', id: principal.key };
  return { kind: 'anonymous', id: addressOf(request, trustProxy) };
}

export interface RateLimiter {
  /** Counts one request in the key's budget; throws RATE_LIMITED (with the seconds to wait) when it is spent. */
  take(key: LimitKey): Promise<void>;
  trustProxy: boolean;
  close(): Promise<void>;
}

const METRIC = 'caseflow_rate_limited_total';

function refusalCounter(registry: Registry | undefined): Counter<'kind'> | undefined {
  if (!registry) return undefined;
  const existing = registry.getSingleMetric(METRIC);
  if (existing) return existing as Counter<'kind'>;
  return new Counter({
    name: METRIC,
    help: 'Requests refused for going over a budget, by kind of principal',
    labelNames: ['kind'],
    registers: [registry],
  });
}

/** Builds the limiters (creating their table when a database is given) and the refusal counter in `registry`. */
export async function createRateLimiter(options: RateLimitOptions, logger: Logger, registry?: Registry): Promise<RateLimiter> {
  const pool = options.databaseUrl ? new Pool({ connectionString: options.databaseUrl, max: 4 }) : undefined;
  pool?.on('error', (error) => logger.warn('rate limit store connection failed', errorFields(error)));
  const tableName = options.tableName ?? 'gateway_rate_limits';
  let tableCreated = false;
  const store = async (opts: IRateLimiterOptions): Promise<RateLimiterPostgres | RateLimiterMemory> => {
    // If the database cannot answer, this replica counts in memory until it can (the library's insurance limiter).
    const insuranceLimiter = new RateLimiterMemory(opts);
    if (!pool) return insuranceLimiter;
    let limiter: RateLimiterPostgres | undefined;
    // The callback comes once the table exists (at once when it is known to).
    await new Promise<void>((resolve, reject) => {
      limiter = new RateLimiterPostgres(
        { ...opts, storeClient: pool, storeType: 'pool', tableName, tableCreated, clearExpiredByTimeout: false, insuranceLimiter },
        (error?: unknown) => (error ? reject(error) : resolve()),
      );
    });
    tableCreated = true;
    return limiter as RateLimiterPostgres;
  };
  const limiters = {} as Record<BudgetKind, BurstyRateLimiter>;
  try {
    for (const kind of BUDGET_KINDS) {
      const { ratePerSecond, burst } = { ...DEFAULT_RATES[kind], ...options.rates?.[kind] };
      limiters[kind] = new BurstyRateLimiter(
        await store({ keyPrefix: `${kind}-rate`, points: ratePerSecond, duration: 1 }),
        await store({ keyPrefix: `${kind}-burst`, points: burst, duration: burst / ratePerSecond }),
      );
    }
  } catch (error) {
    await pool?.end();
    throw error;
  }
  const refusals = refusalCounter(registry);
  return {
    trustProxy: options.trustProxy ?? false,
    take: async ({ kind, id }) => {
      try {
        await limiters[kind].consume(id);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        refusals?.inc({ kind });
        throw rateLimited(refusal.msBeforeNext / 1000);
      }
    },
    close: async () => {
      await pool?.end();
    },
  };
}
