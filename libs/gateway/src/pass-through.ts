/**
 * What the gateway's streamed pass-throughs to the clients subgraph share
 * (documents.ts, fhir.ts): the request id, the caller's authentication, the
 * coded JSON refusal, draining what is left of a request, and forwarding a
 * request under the internal token with the answer streamed back (chosen
 * headers only).
 */
import { randomUUID } from 'node:crypto';
import { type ClientRequest, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { type Actor, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from '@caseflow/auth';
import { AppError, createReplicaSet, errorFields, type Logger, replicaUrls, retryAfterOf } from '@caseflow/core';
import type { StreamRoute } from '@caseflow/federation';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

/** A coded JSON error, naming the field when there is one (as the clients subgraph's answers do). */
export function sendError(response: ServerResponse, error: AppError, status: number | undefined, requestId: string): void {
  const field = typeof error.details.field === 'string' ? error.details.field : undefined;
  const text = JSON.stringify({
    errors: [{ message: error.message, extensions: { code: error.code, requestId, ...(field ? { field } : {}) } }],
  });
  response.writeHead(status ?? STATUS[error.code] ?? 500, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    [REQUEST_ID_HEADER]: requestId,
    ...(retryAfterOf(error) !== undefined ? { 'retry-after': String(retryAfterOf(error)) } : {}),
  });
  response.end(text);
}

/** Reads and drops what is left of the request, so that its sender gets the answer. */
export function drain(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    request.once('end', resolve).once('close', resolve).resume();
  });
}

export interface Forwarding {
  method: 'GET' | 'POST';
  target: URL;
  headers: Record<string, string>;
  requestId: string;
  /** The answer headers passed back from the clients subgraph. */
  passedBack: readonly string[];
  /** How long the clients subgraph may stay silent. */
  timeoutMs?: number;
  /** Sends the request's body to the subgraph (resolves once sent); none: the request ends at once. */
  sendBody?: (outgoing: ClientRequest) => Promise<void>;
  /** Answers a failure of its own (returns true), e.g. a body over the limit; anything else is 503. */
  onFailure?: (error: unknown, outgoing: ClientRequest) => Promise<boolean>;
  /** Names the pass-through in the log ("documents") and the 503's message. */
  label: string;
  unavailableMessage: string;
}

/** Forwards the request to the clients subgraph and streams its answer back; a subgraph that fails or stays silent is 503. */
export async function forward(logger: Logger, request: IncomingMessage, response: ServerResponse, f: Forwarding): Promise<void> {
  const outgoing = httpRequest(f.target, { method: f.method, headers: f.headers });
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once('response', resolve).once('error', reject);
    outgoing.setTimeout(f.timeoutMs ?? 30_000, () => outgoing.destroy(new Error('timeout')));
  });
  const sending = f.sendBody ? f.sendBody(outgoing) : Promise.resolve(void outgoing.end());
  try {
    const [, upstream] = await Promise.all([sending, answer]);
    response.statusCode = upstream.statusCode ?? 502;
    for (const name of f.passedBack) {
      const value = upstream.headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    response.setHeader(REQUEST_ID_HEADER, f.requestId);
    await pipeline(upstream, response);
  } catch (error) {
    if (f.onFailure && (await f.onFailure(error, outgoing))) return;
    logger.warn(`${f.label} pass-through failed`, { requestId: f.requestId, ...errorFields(error) });
    if (response.headersSent) return void response.destroy();
    await drain(request);
    sendError(response, new AppError('UNAVAILABLE', f.unavailableMessage), 503, f.requestId);
  }
}

export interface PassThroughOptions {
  clientsUrls: string | readonly string[];
  internalSecret: string;
  logger: Logger;
  authenticate: (request: IncomingMessage) => Promise<Actor>;
  /** How long the clients subgraph may stay silent. */
  subgraphTimeoutMs?: number;
}

/** One request to a pass-through, with what it may do. */
export interface PassThroughCall {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  requestId: string;
  /** Drains the request and answers the coded error (its status, or the code's). */
  refuse(error: AppError, status?: number): Promise<void>;
  /** The caller; undefined when refused (the refusal is answered). */
  authenticate(): Promise<Actor | undefined>;
  /** Forwards the request to `path` on the clients subgraph as `actor`, with `headers` besides the internal token and request id. */
  forward(
    actor: Actor,
    path: string,
    f: Omit<Forwarding, 'target' | 'headers' | 'requestId' | 'timeoutMs'>,
    headers?: Record<string, string>,
  ): Promise<void>;
}

/** A pass-through to the clients subgraph: `handle` checks the request and forwards it; each request has an id of its own. */
export function clientsPassThrough(options: PassThroughOptions, handle: (call: PassThroughCall) => Promise<void>): StreamRoute {
  const replicas = createReplicaSet(replicaUrls(options.clientsUrls).map((url) => new URL(url).origin));
  return async (request, response, url) => {
    const requestId = randomUUID();
    const refuse = async (error: AppError, status?: number) => {
      await drain(request);
      sendError(response, error, status, requestId);
    };
    const authenticate = async () => {
      try {
        return await options.authenticate(request);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await refuse(error);
        return undefined;
      }
    };
    const forwardAs: PassThroughCall['forward'] = async (actor, path, f, headers = {}) =>
      forward(options.logger, request, response, {
        ...f,
        target: new URL(path, replicas.order()[0]),
        headers: {
          ...headers,
          [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor, requestId }, options.internalSecret),
          [REQUEST_ID_HEADER]: requestId,
        },
        requestId,
        timeoutMs: options.subgraphTimeoutMs,
      });
    await handle({ request, response, url, requestId, refuse, authenticate, forward: forwardAs });
  };
}
