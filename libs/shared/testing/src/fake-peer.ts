/**
 * A stand-in for a service at the other end of an HTTP call: a real server on
 * a free local port that reads each request's body, records what it was sent,
 * and answers as the test's handler says (by attempt, so that a test can fail
 * the first call and answer the second). `down` drops every connection, as a
 * peer that went away. The internal client's tests use it directly; a
 * subgraph's stand-in peers (referrals' clients and resources, plans' client
 * access) can answer through it, using `internalCaller` for the caller.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Actor, INTERNAL_TOKEN_HEADER, verifyInternalToken } from '@caseflow/auth';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** Answers one request; `attempt` counts the requests received so far, this one included. */
export type PeerHandler = (request: IncomingMessage, response: ServerResponse, attempt: number, received: ReceivedRequest) => unknown;

export class FakePeerServer {
  received: ReceivedRequest[] = [];
  down = false;
  private readonly server: Server = createServer((request, response) => {
    if (this.down) {
      request.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.received.push(received);
      void this.handler(request, response, this.received.length, received);
    });
  });

  constructor(public handler: PeerHandler = (_, response) => void response.end('{}')) {}

  /** Listens on a free port of 127.0.0.1 and answers the base URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Forgets what was received and comes back up. */
  reset(): void {
    this.received = [];
    this.down = false;
  }
}

/** Sends `body` as JSON with `status`. */
export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The caller named by a request's internal token, or null (and a 401 sent) when it carries no valid one. */
export async function internalCaller(request: IncomingMessage, response: ServerResponse, secret: string): Promise<Actor | null> {
  try {
    return (await verifyInternalToken(request.headers[INTERNAL_TOKEN_HEADER] as string | undefined, secret)).actor;
  } catch {
    response.writeHead(401).end();
    return null;
  }
}
