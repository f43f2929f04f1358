import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The system's range for outgoing connections' local ports (Linux's default where it cannot be read). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low > 0 && high >= low) return [low, high];
  } catch {
    // Not Linux: fall through to the usual range.
  }
  return [32768, 60999];
}

/** Whether a loopback port can be bound right now. */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Ports this process has handed out, never handed out twice. */
const given = new Set<number>();

/**
 * A TCP port that was free on the loopback interface a moment ago, for a
 * listener that binds it later (a child process given it in its settings).
 * It is drawn below the system's ephemeral range: an outgoing connection
 * (any of a busy machine's) takes its local port from that range, so a port
 * there can be taken between this answer and the listener's bind; a port
 * below it is taken only by another listener. A listener that can bind port
 * 0 itself and report its port should do that instead.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralRange();
  const high = Math.min(ephemeralLow - 1, 32767);
  const low = Math.max(10000, high - 12000);
  for (let attempt = 0; attempt < 200 && high > low; attempt += 1) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (given.has(port)) continue;
    given.add(port); // before the check, so that a concurrent call does not draw it too
    if (await bindable(port)) return port;
    given.delete(port);
  }
  return systemPort();
}

/** A port the system chooses (in the ephemeral range). */
async function systemPort(): Promise<number> {
  const { port, release } = await reservePort();
  await release();
  return port;
}

export interface ReservedPort {
  port: number;
  release(): Promise<void>;
}

export function reservePort(): Promise<ReservedPort> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address !== 'object') return reject(new Error('no port'));
      resolve({ port: address.port, release: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
