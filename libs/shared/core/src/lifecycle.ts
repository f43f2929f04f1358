import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorFields, type Logger } from './logger';

/** Listens on `port` (0: a free one) and answers the port taken; fails if it cannot. */
export function listenOn(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Stops a server: no new connections, idle keep-alive sockets closed, then
 * `drain` (the answers in flight written), idle sockets closed again, and
 * whatever is still open after a second closed by force.
 */
export async function closeServer(server: Server, drain: () => Promise<void> = async () => {}): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await drain();
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 1000);
  await closed;
  clearTimeout(forced);
}

/** On SIGTERM or SIGINT: run `stop` once (drain, close pools), then exit 0, or 1 if stopping failed. */
export function exitOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stop failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
