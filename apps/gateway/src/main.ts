// First: tracing instruments node:http, undici and graphql as they load.
import './tracing';
import { join } from 'node:path';
import { createLogger, exitOnSignals } from '@caseflow/core';
import { createGateway, gatewayOptionsFrom, loadGatewayConfig } from '@caseflow/gateway';
import { createServiceMetrics, serveMetrics, startTracing } from '@caseflow/telemetry';

async function main(): Promise<void> {
  const config = loadGatewayConfig(join(__dirname, '..', 'supergraph.graphql'));
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createServiceMetrics('gateway');
  const gateway = await createGateway({ ...gatewayOptionsFrom(config, logger), metrics });
  const port = await gateway.listen(config.GATEWAY_PORT, config.HOST);
  const metricsServer = await serveMetrics(metrics.registry, config.METRICS_PORT, config.HOST);
  logger.info('gateway listening', {
    url: `http://${config.HOST}:${port}/graphql`,
    metrics: metricsServer.url,
    production: config.NODE_ENV === 'production',
  });

  exitOnSignals(async () => {
    await gateway.stop();
    await metricsServer.close();
    await startTracing('caseflow-gateway').shutdown();
  }, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
