/**
 * A small HTTP front for an Apollo Server on node:http (no framework): the
 * GraphQL endpoint, `/health`, `/ready`, and a service's own JSON routes. It
 * sets keep-alive above the gateway's idle socket timeout, limits body size,
 * and drains in-flight requests on `stop()`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { AppError, closeServer, listenOn, retryAfterOf, withRequestSignal } from '@caseflow/core';
import { inService, type ServiceMetrics } from '@caseflow/telemetry';

export type JsonRoute = (body: unknown, request: IncomingMessage) => Promise<unknown>;

/** A GET route's answer: JSON, or text of a content type (whole, or streamed in chunks), with any headers of its own. */
export type GetRouteResult =
  | { status: number; body: unknown }
  | { status: number; contentType: string; text: string | AsyncIterable<string>; headers?: Readonly<Record<string, string>> };
export type GetRoute = (request: IncomingMessage, url: URL) => Promise<GetRouteResult>;
/**
 * A route that reads the request and writes its answer itself, streaming
 * both ways (file uploads and downloads): no body limit applies, the route
 * keeps its own. An AppError thrown before the answer started is answered
 * as usual.
 */
export type StreamRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface HttpServiceOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /** Builds the GraphQL context; throwing an AppError answers with that error and no execution. */
  context: (request: IncomingMessage) => Promise<C>;
  ready: () => Promise<boolean>;
  /** POST routes answering JSON, keyed by path. Errors thrown as AppError map to HTTP statuses. */
  routes?: Record<string, JsonRoute>;
  /** GET routes answering JSON or text, keyed by path prefix. */
  getRoutes?: Record<string, GetRoute>;
  /** Streaming routes of any method, keyed by path prefix (see StreamRoute). */
  streamRoutes?: Record<string, StreamRoute>;
  maxBodyBytes?: number;
  /** Operations one HTTP request may batch; 1 (the default) refuses batches. */
  maxBatchOperations?: number;
  /**
   * A GraphQL request not answered within this time is answered 503
   * UNAVAILABLE, and its work is stopped (see withRequestSignal): no
   * transaction of it commits afterwards.
   */
  requestTimeoutMs?: number;
  graphqlPath?: string;
  onError?: (error: unknown) => void;
  /** The service answering (gateway, clients…): its requests' spans carry it as `caseflow.service`. */
  service?: string;
  /** Where requests are counted by route and status, with their latency. */
  metrics?: ServiceMetrics;
}

export interface HttpService {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const statusOf: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
};

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let the upload drain, so that the caller still gets the answer.
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

async function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string | AsyncIterable<string>,
): Promise<void> {
  // 304 Not Modified: no body, and no content headers (its own headers, e.g. the ETag, are already set).
  if (status === 304) {
    response.writeHead(304);
    response.end();
    return;
  }
  if (typeof text === 'string') {
    response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
    response.end(text);
    return;
  }
  response.writeHead(status, { 'content-type': contentType });
  for await (const chunk of text) {
    if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end();
}

const requestIds = new WeakMap<IncomingMessage, string>();

/** The id this service gave the request (never one a caller sent): in every error answer, log line and subgraph call. */
export function requestIdOf(request: IncomingMessage): string {
  let id = requestIds.get(request);
  if (!id) {
    id = randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

export function sendError(response: ServerResponse, error: AppError, status = statusOf[error.code] ?? 500, requestId?: string): void {
  if (requestId && !response.headersSent) response.setHeader('x-request-id', requestId);
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== undefined && !response.headersSent) response.setHeader('retry-after', String(retryAfter));
  sendJson(response, status, {
    errors: [{ message: error.message, extensions: { code: error.code, ...(requestId ? { requestId } : {}) } }],
  });
}

function withTimeout<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AppError('UNAVAILABLE', `The request did not finish within ${ms} ms; retry later`));
      controller.abort();
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The route label of a request: one of the service's own paths, or `other` (never a path a caller made up). */
function routeOf(pathname: string, known: readonly string[], prefixes: readonly string[]): string {
  if (known.includes(pathname)) return pathname;
  return prefixes.find((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`)) ?? 'other';
}

export function createHttpService<C extends BaseContext>(options: HttpServiceOptions<C>): HttpService {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  const knownPaths = [graphqlPath, '/health', '/ready', ...Object.keys(options.routes ?? {})];
  const knownPrefixes = [...Object.keys(options.getRoutes ?? {}), ...Object.keys(options.streamRoutes ?? {})];
  const { metrics } = options;
  let inFlight = 0;
  let draining: (() => void) | null = null;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'GET' && url.pathname === '/health') return sendJson(response, 200, { status: 'ok' });
    if (request.method === 'GET' && url.pathname === '/ready') {
      const ready = await options.ready().catch(() => false);
      return sendJson(response, ready ? 200 : 503, { ready });
    }
    for (const [prefix, route] of Object.entries(options.streamRoutes ?? {})) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) return route(request, response, url);
    }
    if (request.method === 'GET') {
      for (const [prefix, route] of Object.entries(options.getRoutes ?? {})) {
        if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) {
          const result = await route(request, url);
          if ('contentType' in result) {
            for (const [name, value] of Object.entries(result.headers ?? {})) response.setHeader(name, value);
            return sendText(response, result.status, result.contentType, result.text);
          }
          return sendJson(response, result.status, result.body);
        }
      }
    }
    const route = options.routes?.[url.pathname];
    if (route && request.method === 'POST') {
      const text = await readBody(request, limit);
      let body: unknown;
      try {
        body = JSON.parse(text || '{}');
      } catch {
        return sendError(response, new AppError('BAD_USER_INPUT', 'The request body is not JSON'));
      }
      return sendJson(response, 200, await route(body, request));
    }
    if (url.pathname !== graphqlPath)
      return sendError(response, new AppError('NOT_FOUND', 'There is nothing at this path'), 404, requestIdOf(request));

    const text = request.method === 'POST' ? await readBody(request, limit) : '';
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendError(response, new AppError('BAD_USER_INPUT', 'The request body is not valid JSON'));
      }
    }
    if (Array.isArray(body)) {
      const max = options.maxBatchOperations ?? 1;
      if (max <= 1)
        return sendError(response, new AppError('BAD_USER_INPUT', 'Batched operations are not accepted; send one operation per request'));
      if (body.length > max)
        return sendError(
          response,
          new AppError('BAD_USER_INPUT', `A batch may hold at most ${max} operations; this one has ${body.length}`),
        );
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    // The context is built before execution so that an unauthenticated request is refused outright.
    const context = await options.context(request);
    // Stops the request's work when it times out or its caller hangs up (e.g. the gateway gave up on it).
    const controller = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) controller.abort();
    });
    const execution = withRequestSignal(controller.signal, () =>
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: url.search, body },
        context: async () => context,
      }),
    );
    const result = options.requestTimeoutMs ? await withTimeout(execution, options.requestTimeoutMs, controller) : await execution;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    }
  };

  const server = createServer((request, response) => {
    // Every answer is JSON or the text it declares: no browser may guess another type for it.
    response.setHeader('x-content-type-options', 'nosniff');
    inFlight += 1;
    if (metrics) {
      const labels = {
        route: routeOf(new URL(request.url ?? '/', 'http://localhost').pathname, knownPaths, knownPrefixes),
        method: request.method ?? 'GET',
      };
      const end = metrics.httpDuration.startTimer(labels);
      // 'close' comes for every response, finished or abandoned by its caller.
      response.once('close', () => {
        end();
        metrics.httpRequests.inc({ ...labels, status: String(response.statusCode) });
      });
    }
    const handled = options.service ? inService(options.service, () => handle(request, response)) : handle(request, response);
    handled
      .catch((error: unknown) => {
        const requestId = requestIdOf(request);
        if (error instanceof BodyTooLarge) {
          if (!response.headersSent)
            sendError(response, new AppError('BAD_USER_INPUT', `The request body exceeds ${limit} bytes`), 413, requestId);
        } else if (error instanceof AppError) {
          // Refused before any operation ran (no token, a bad body): counted here, as the operations' plugin never sees it.
          metrics?.errors.inc({ operation: '(refused)', code: error.code });
          if (!response.headersSent) sendError(response, error, undefined, requestId);
        } else {
          options.onError?.(Object.assign(error instanceof Error ? error : new Error(String(error)), { requestId }));
          if (!response.headersSent)
            sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
          else response.end();
        }
      })
      .finally(() => {
        inFlight -= 1;
        if (inFlight === 0 && draining) draining();
      });
  });
  // Node answers a request whose headers (the URL included) exceed its limit with a bare 431; callers get a coded JSON body instead.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const body = JSON.stringify({
        errors: [{ message: 'The request line and headers are too large', extensions: { code: 'BAD_USER_INPUT' } }],
      });
      socket.end(
        `HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\n\r\n`);
  });
  // Above the gateway's idle socket timeout, so that the gateway never writes to a socket we are closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return {
    server,
    listen: (port, host) => listenOn(server, port, host),
    stop: () =>
      closeServer(server, async () => {
        if (inFlight > 0) {
          // At most 10 s for the answers in flight; the wait ends (and its timer with it) as soon as they are written.
          let giveUp: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((resolve) => (draining = resolve)),
            new Promise((resolve) => (giveUp = setTimeout(resolve, 10_000))),
          ]);
          clearTimeout(giveUp);
        }
        // The answers in flight have been written; their keep-alive sockets go idle once flushed, and are closed then.
        await new Promise((resolve) => setImmediate(resolve));
      }),
  };
}
