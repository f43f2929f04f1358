import { join } from 'node:path';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { createGateway, gatewayOptionsFrom, loadGatewayConfig } from '@caseflow/gateway';

async function main(): Promise<void> {
  const config = loadGatewayConfig(join(__dirname, '..', 'supergraph.graphql'));
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const gateway = await createGateway(gatewayOptionsFrom(config, logger));
  const port = await gateway.listen(config.GATEWAY_PORT, config.HOST);
  logger.info('gateway listening', { url: `http://${config.HOST}:${port}/graphql`, production: config.NODE_ENV === 'production' });

  exitOnSignals(() => gateway.stop(), logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
