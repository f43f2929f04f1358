/**
 * The gateway process's settings (every problem listed, then exit 1), and the
 * gateway they describe: its subgraphs' addresses, the bearer verifier (an
 * OIDC issuer's JWKS, or the development issuer's public key), the limits.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_CLAIM_NAMES, createBearerVerifier } from '@caseflow/auth';
import { z } from 'zod';
import { type Env, acrossSettings, loadConfigOrExit, processEnv, setting } from '@caseflow/config';
import type { Logger } from '@caseflow/core';
import type { GatewayOptions } from './gateway';
import { DEFAULT_RATES } from './rate-limit';

/** Loads the settings, or prints every problem and exits 1; `supergraphFile` is the SUPERGRAPH_FILE default. */
export function loadGatewayConfig(supergraphFile: string, env: Env = processEnv()) {
  return loadConfigOrExit(
    z
      .object({
        GATEWAY_PORT: setting.port(4000),
        // Prometheus metrics on a port of their own, never on the public one.
        METRICS_PORT: setting.port(9400),
        HOST: setting.string('127.0.0.1'),
        NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
        CLIENTS_URL: setting.urls('http://127.0.0.1:4001'),
        PLANS_URL: setting.urls('http://127.0.0.1:4002'),
        REFERRALS_URL: setting.urls('http://127.0.0.1:4003'),
        RESOURCES_URL: setting.urls('http://127.0.0.1:4004'),
        NOTIFICATIONS_URL: setting.urls('http://127.0.0.1:4005'),
        INTERNAL_TOKEN_SECRET: setting.secret(),
        AUTH_ISSUER: setting.string('caseflow-dev'),
        AUTH_AUDIENCE: setting.string('caseflow'),
        AUTH_JWKS_URL: setting.optionalUrl(),
        AUTH_JWKS_CACHE_MAX_AGE_MS: setting.durationMs(1_000, 86_400_000, 600_000),
        AUTH_JWKS_COOLDOWN_MS: setting.durationMs(100, 600_000, 30_000),
        AUTH_STAFF_ID_CLAIM: setting.string(DEFAULT_CLAIM_NAMES.staffId),
        AUTH_ROLE_CLAIM: setting.string(DEFAULT_CLAIM_NAMES.role),
        AUTH_ORG_CLAIM: setting.string(DEFAULT_CLAIM_NAMES.organizationId),
        AUTH_PUBLIC_KEY_FILE: setting.optionalString(),
        // Anonymous readers of the directory (the HSDS API and its GraphQL queries); off: every request needs a token.
        DIRECTORY_PUBLIC: setting.boolean(false),
        SUPERGRAPH_FILE: setting.string(supergraphFile),
        MAX_BODY_BYTES: setting.integer(1_000, 50_000_000, 1_000_000),
        MAX_BATCH_OPERATIONS: setting.integer(1, 100, 1),
        MAX_QUERY_DEPTH: setting.integer(2, 100, 15),
        MAX_ALIASES: setting.integer(0, 1000, 30),
        MAX_ROOT_FIELDS: setting.integer(1, 100, 20),
        MAX_QUERY_COST: setting.integer(100, 10_000_000, 25_000),
        REQUEST_TIMEOUT_MS: setting.durationMs(100, 600_000, 15_000),
        SUBGRAPH_TIMEOUT_MS: setting.durationMs(100, 600_000, 10_000),
        // Request budgets per principal (rate-limit.ts): shared by the replicas in this database, else counted per replica in memory.
        RATE_LIMIT_DATABASE_URL: setting.optionalUrl(),
        RATE_LIMIT_STAFF_PER_SECOND: setting.integer(1, 100_000, DEFAULT_RATES.staff.ratePerSecond),
        RATE_LIMIT_STAFF_BURST: setting.integer(1, 1_000_000, DEFAULT_RATES.staff.burst),
        RATE_LIMIT_CLIENT_PER_SECOND: setting.integer(1, 100_000, DEFAULT_RATES.client.ratePerSecond),
        RATE_LIMIT_CLIENT_BURST: setting.integer(1, 1_000_000, DEFAULT_RATES.client.burst),
        RATE_LIMIT_ANONYMOUS_PER_SECOND: setting.integer(1, 100_000, DEFAULT_RATES.anonymous.ratePerSecond),
        RATE_LIMIT_ANONYMOUS_BURST: setting.integer(1, 1_000_000, DEFAULT_RATES.anonymous.burst),
        // Behind a reverse proxy: an unauthenticated caller's address is the last X-Forwarded-For entry.
        GATEWAY_TRUST_PROXY: setting.boolean(false),
        LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'] as const, 'info'),
      })
      .refine(
        (c) => c.AUTH_JWKS_URL || c.AUTH_PUBLIC_KEY_FILE,
        acrossSettings('AUTH_JWKS_URL (an OIDC issuer) or AUTH_PUBLIC_KEY_FILE (the development issuer) is required'),
      )
      .refine(
        (c) => c.NODE_ENV !== 'production' || c.AUTH_JWKS_URL,
        acrossSettings('AUTH_JWKS_URL is required in production (the development issuer is refused)'),
      ),
    {},
    env,
  );
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The gateway the settings describe. */
export function gatewayOptionsFrom(config: GatewayConfig, logger: Logger): GatewayOptions {
  return {
    supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: {
      clients: graphqlUrls(config.CLIENTS_URL),
      plans: graphqlUrls(config.PLANS_URL),
      referrals: graphqlUrls(config.REFERRALS_URL),
      resources: graphqlUrls(config.RESOURCES_URL),
      notifications: graphqlUrls(config.NOTIFICATIONS_URL),
    },
    verifyBearer: createBearerVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URL,
      jwks: { cacheMaxAgeMs: config.AUTH_JWKS_CACHE_MAX_AGE_MS, cooldownMs: config.AUTH_JWKS_COOLDOWN_MS },
      claims: { staffId: config.AUTH_STAFF_ID_CLAIM, role: config.AUTH_ROLE_CLAIM, organizationId: config.AUTH_ORG_CLAIM },
      publicKeyPem: config.AUTH_JWKS_URL || !config.AUTH_PUBLIC_KEY_FILE ? undefined : readFileSync(config.AUTH_PUBLIC_KEY_FILE, 'utf8'),
    }),
    internalSecret: config.INTERNAL_TOKEN_SECRET,
    logger,
    production: config.NODE_ENV === 'production',
    directoryPublic: config.DIRECTORY_PUBLIC,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxBatchOperations: config.MAX_BATCH_OPERATIONS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    limits: {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxAliases: config.MAX_ALIASES,
      maxRootFields: config.MAX_ROOT_FIELDS,
      maxCost: config.MAX_QUERY_COST,
    },
    resourcesBaseUrl: config.RESOURCES_URL.join(','),
    rateLimit: {
      databaseUrl: config.RATE_LIMIT_DATABASE_URL,
      trustProxy: config.GATEWAY_TRUST_PROXY,
      rates: {
        staff: { ratePerSecond: config.RATE_LIMIT_STAFF_PER_SECOND, burst: config.RATE_LIMIT_STAFF_BURST },
        client: { ratePerSecond: config.RATE_LIMIT_CLIENT_PER_SECOND, burst: config.RATE_LIMIT_CLIENT_BURST },
        anonymous: { ratePerSecond: config.RATE_LIMIT_ANONYMOUS_PER_SECOND, burst: config.RATE_LIMIT_ANONYMOUS_BURST },
      },
    },
  };
}

/** Each replica's GraphQL endpoint (`<SUBGRAPH>_URL` is a base URL, or several separated by commas: one per replica). */
const graphqlUrls = (baseUrls: readonly string[]) => baseUrls.map((url) => new URL('/graphql', url).toString());
