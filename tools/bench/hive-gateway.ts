/**
 * Hive Gateway as its own process, configured exactly like apps/gateway (the
 * same settings, read by the same `loadGatewayConfig`), so that the benchmark
 * can run either gateway on the same supergraph and subgraphs.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger, exitOnSignals, replicaUrls } from '@caseflow/core';
import { gatewayOptionsFrom, loadGatewayConfig } from '@caseflow/gateway';
import { createHiveGateway } from './hive';

async function main(): Promise<void> {
  const config = loadGatewayConfig(join(__dirname, '..', '..', 'apps', 'gateway', 'supergraph.graphql'));
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const { supergraphSdl, subgraphUrls, verifyBearer, internalSecret, production } = gatewayOptionsFrom(config, logger);
  // Hive Gateway is given one address per subgraph (the benchmark runs one replica of each).
  const firstReplicas = Object.fromEntries(Object.entries(subgraphUrls).map(([name, urls]) => [name, replicaUrls(urls)[0]]));
  const gateway = createHiveGateway({
    supergraphSdl,
    subgraphUrls: firstReplicas,
    verifyBearer,
    internalSecret,
    production: production ?? false,
  });
  const port = await gateway.listen(config.GATEWAY_PORT, config.HOST);
  logger.info('gateway listening', { url: `http://${config.HOST}:${port}/graphql`, production, engine: 'hive' });
  exitOnSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`hive gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
