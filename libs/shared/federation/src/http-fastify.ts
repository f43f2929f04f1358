/**
 * The HTTP front of http.ts on fastify, with Apollo Server's fastify
 * integration answering GraphQL: the same routes, limits, timeouts, error
 * shapes and draining, so that either can serve a process (HTTP_FRONT, see
 * http-front.ts) and the two can be measured against each other.
 */
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { BaseContext } from '@apollo/server';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError, withRequestSignal } from '@caseflow/core';
import { type GetRouteResult, type HttpService, type HttpServiceOptions, requestIdOf, statusOf } from './http';

function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function sendError(reply: FastifyReply, error: AppError, status = statusOf[error.code] ?? 500, requestId?: string): FastifyReply {
  if (requestId) reply.header('x-request-id', requestId);
  return sendJson(reply, status, {
    errors: [{ message: error.message, extensions: { code: error.code, ...(requestId ? { requestId } : {}) } }],
  });
}

function sendResult(reply: FastifyReply, result: GetRouteResult): FastifyReply {
  if (!('contentType' in result)) return sendJson(reply, result.status, result.body);
  reply.code(result.status).type(result.contentType);
  return typeof result.text === 'string' ? reply.send(result.text) : reply.send(Readable.from(result.text));
}

/** The body as JSON, `empty` when there is none; undefined when it is not JSON. */
function parseJson(text: unknown, empty: unknown): { value: unknown } | undefined {
  if (typeof text !== 'string' || text === '') return { value: empty };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
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

export function createFastifyHttpService<C extends BaseContext>(options: HttpServiceOptions<C>): HttpService {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  let stopping = false;

  const app = Fastify({
    bodyLimit: limit,
    // Above the gateway's idle socket timeout, so that the gateway never writes to a socket we are closing.
    keepAliveTimeout: 65_000,
    // Node's own default for receiving a whole request, which fastify would otherwise turn off.
    requestTimeout: 300_000,
    // A request on a connection still open while stopping is answered (with `connection: close`), as in-flight ones are.
    return503OnClosing: false,
    exposeHeadRoutes: false,
    // Node answers a request whose headers (the URL included) exceed its limit with a bare 431; callers get a coded JSON body instead.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
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
    },
  });
  app.server.headersTimeout = 66_000;

  // Every body is read as text whatever its declared type, and parsed as JSON by the route that takes it.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (_request, reply) => {
    // Every answer is JSON or the text it declares: no browser may guess another type for it.
    reply.raw.setHeader('x-content-type-options', 'nosniff');
  });
  app.addHook('onResponse', async () => {
    // While stopping, a connection whose answer has been written is closed once idle.
    if (stopping) setImmediate(() => app.server.closeIdleConnections());
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const requestId = requestIdOf(request.raw);
    if (error instanceof AppError) return sendError(reply, error, undefined, requestId);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, new AppError('BAD_USER_INPUT', `The request body exceeds ${limit} bytes`), 413, requestId);
    if (error.code?.startsWith('FST_') && error.statusCode && error.statusCode < 500)
      return sendError(reply, new AppError('BAD_USER_INPUT', 'The request is malformed'), error.statusCode, requestId);
    options.onError?.(Object.assign(error, { requestId }));
    return sendJson(reply, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new AppError('NOT_FOUND', 'There is nothing at this path'), 404, requestIdOf(request.raw)),
  );

  app.get('/health', async (_request, reply) => sendJson(reply, 200, { status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const ready = await options.ready().catch(() => false);
    return sendJson(reply, ready ? 200 : 503, { ready });
  });

  for (const [prefix, route] of Object.entries(options.getRoutes ?? {})) {
    const handler = async (request: FastifyRequest, reply: FastifyReply) =>
      sendResult(reply, await route(request.raw, new URL(request.url, 'http://localhost')));
    app.get(prefix, handler);
    app.get(`${prefix}/*`, handler);
  }

  for (const [path, route] of Object.entries(options.routes ?? {})) {
    app.post(path, async (request, reply) => {
      const body = parseJson(request.body, {});
      if (!body) return sendError(reply, new AppError('BAD_USER_INPUT', 'The request body is not JSON'));
      return sendJson(reply, 200, await route(body.value, request.raw));
    });
  }

  const contexts = new WeakMap<FastifyRequest, C>();
  const answer = fastifyApolloHandler<C>(options.apollo, { context: async (request) => contexts.get(request) as C });

  app.all(graphqlPath, async function (request, reply) {
    const body = request.method === 'POST' ? parseJson(request.body, undefined) : { value: undefined };
    if (!body) return sendError(reply, new AppError('BAD_USER_INPUT', 'The request body is not valid JSON'));
    if (Array.isArray(body.value)) {
      const max = options.maxBatchOperations ?? 1;
      if (max <= 1)
        return sendError(reply, new AppError('BAD_USER_INPUT', 'Batched operations are not accepted; send one operation per request'));
      if (body.value.length > max)
        return sendError(
          reply,
          new AppError('BAD_USER_INPUT', `A batch may hold at most ${max} operations; this one has ${body.value.length}`),
        );
    }
    request.body = body.value;
    // The context is built before execution so that an unauthenticated request is refused outright.
    contexts.set(request, await options.context(request.raw));
    // Stops the request's work when it times out or its caller hangs up (e.g. the gateway gave up on it).
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    // The integration's handler is typed for a route answering text only; this route also answers errors.
    const execution = withRequestSignal(controller.signal, async () => answer.call(this, request as never, reply as never));
    return options.requestTimeoutMs ? withTimeout(execution, options.requestTimeoutMs, controller) : execution;
  });

  return {
    server: app.server,
    listen: async (port, host = '127.0.0.1') => {
      await app.listen({ port, host });
      return (app.server.address() as AddressInfo).port;
    },
    stop: async () => {
      stopping = true;
      // Answers in flight get ten seconds to be written; then every connection is closed.
      const forced = setTimeout(() => app.server.closeAllConnections(), 11_000);
      await app.close();
      clearTimeout(forced);
    },
  };
}
