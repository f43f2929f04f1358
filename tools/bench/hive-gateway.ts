/**
 * Hive Gateway as its own process, configured like apps/gateway/src/main.ts
 * (the same settings: GATEWAY_PORT, the subgraph URLs, INTERNAL_TOKEN_SECRET,
 * AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE, SUPERGRAPH_FILE, NODE_ENV), so that
 * the benchmark can run either gateway on the same supergraph and subgraphs.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createBearerVerifier } from '@caseflow/auth';
import { acrossSettings, loadConfigOrExit, setting } from '@caseflow/config';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { createHiveGateway } from './hive';

async function main(): Promise<void> {
  const config = loadConfigOrExit(
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
        SUPERGRAPH_FILE: setting.string(join(__dirname, '..', '..', 'apps', 'gateway', 'supergraph.graphql')),
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
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const gateway = createHiveGateway({
    supergraphSdl: readFileSync(config.SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: {
      clients: new URL('/graphql', config.CLIENTS_URL).toString(),
      plans: new URL('/graphql', config.PLANS_URL).toString(),
      referrals: new URL('/graphql', config.REFERRALS_URL).toString(),
      resources: new URL('/graphql', config.RESOURCES_URL).toString(),
    },
    verifyBearer: createBearerVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URL,
      publicKeyPem: config.AUTH_JWKS_URL || !config.AUTH_PUBLIC_KEY_FILE ? undefined : readFileSync(config.AUTH_PUBLIC_KEY_FILE, 'utf8'),
    }),
    internalSecret: config.INTERNAL_TOKEN_SECRET,
    production,
  });
  const port = await gateway.listen(config.GATEWAY_PORT, config.HOST);
  logger.info('gateway listening', { url: `http://${config.HOST}:${port}/graphql`, production, engine: 'hive' });
  exitOnSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`hive gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
