import { readFileSync } from 'node:fs';
import { createBearerVerifier } from '@caseflow/auth';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { loadGatewayConfig } from './config';
import { createGateway } from '@caseflow/gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const gateway = await createGateway({
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
    logger,
    production,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxBatchOperations: config.MAX_BATCH_OPERATIONS,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    limits: { maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_ALIASES, maxRootFields: config.MAX_ROOT_FIELDS, maxCost: config.MAX_QUERY_COST },
    resourcesBaseUrl: config.RESOURCES_URL,
  });
  const port = await gateway.listen(config.GATEWAY_PORT, config.HOST);
  logger.info('gateway listening', { url: `http://${config.HOST}:${port}/graphql`, production });

  exitOnSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
