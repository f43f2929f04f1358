import { join } from 'node:path';
import { z } from 'zod';
import { acrossSettings, loadConfigOrExit, setting } from '@caseflow/config';

export function loadGatewayConfig() {
  return loadConfigOrExit(
    z
      .object({
        GATEWAY_PORT: setting.port(4000),
        HOST: setting.string('127.0.0.1'),
        NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
        CLIENTS_URL: setting.url('http://127.0.0.1:4001'),
        PLANS_URL: setting.url('http://127.0.0.1:4002'),
        REFERRALS_URL: setting.url('http://127.0.0.1:4003'),
        RESOURCES_URL: setting.url('http://127.0.0.1:4004'),
        INTERNAL_TOKEN_SECRET: setting.secret(),
        AUTH_ISSUER: setting.string('caseflow-dev'),
        AUTH_AUDIENCE: setting.string('caseflow'),
        AUTH_JWKS_URL: setting.optionalUrl(),
        AUTH_PUBLIC_KEY_FILE: setting.optionalString(),
        SUPERGRAPH_FILE: setting.string(join(__dirname, '..', 'supergraph.graphql')),
        MAX_BODY_BYTES: setting.integer(1_000, 50_000_000, 1_000_000),
        MAX_BATCH_OPERATIONS: setting.integer(1, 100, 1),
        MAX_QUERY_DEPTH: setting.integer(2, 100, 15),
        MAX_ALIASES: setting.integer(0, 1000, 30),
        MAX_ROOT_FIELDS: setting.integer(1, 100, 20),
        MAX_QUERY_COST: setting.integer(100, 10_000_000, 25_000),
        REQUEST_TIMEOUT_MS: setting.durationMs(100, 600_000, 15_000),
        SUBGRAPH_TIMEOUT_MS: setting.durationMs(100, 600_000, 10_000),
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
  );
}
