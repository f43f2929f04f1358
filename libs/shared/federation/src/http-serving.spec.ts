import { connect } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { AppError, requestSignal } from '@caseflow/core';
import { createHttpService, type HttpServiceOptions } from './http';

/** An Apollo server stand-in whose every answer takes `ms` and tells what it was asked (the HTTP front is what is under test). */
function fakeApollo(ms: number, seen: { bodies: unknown[]; signals: AbortSignal[] } = { bodies: [], signals: [] }) {
  return {
    executeHTTPGraphQLRequest: async ({ httpGraphQLRequest }: { httpGraphQLRequest: { body: unknown } }) => {
      seen.bodies.push(httpGraphQLRequest.body);
      const signal = requestSignal();
      if (signal) seen.signals.push(signal);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return {
        status: 200,
        headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
        body: { kind: 'complete', string: '{"data":{"ok":true}}' },
      };
    },
  } as unknown as ApolloServer<BaseContext>;
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { errors: Array<{ message: string; extensions: { code: string; requestId?: string } }> }).errors[0];

describe('the HTTP front: limits, refusals, routes and error shapes', () => {
  const started: Array<{ stop(): Promise<void> }> = [];
  async function serve(options: Partial<HttpServiceOptions<BaseContext>> = {}) {
    const service = createHttpService({ apollo: fakeApollo(0), context: async () => ({}), ready: async () => true, ...options });
    started.push(service);
    const base = `http://127.0.0.1:${await service.listen(0)}`;
    const post = (path: string, body: string) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { base, post };
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });

  it('answers 503 UNAVAILABLE when a request outlives its timeout, and stops its work', async () => {
    const seen = { bodies: [] as unknown[], signals: [] as AbortSignal[] };
    const { post } = await serve({ apollo: fakeApollo(500, seen), requestTimeoutMs: 100 });
    const response = await post('/graphql', '{"query":"{ ok }"}');
    expect(response.status).toBe(503);
    expect((await errorOf(response)).extensions.code).toBe('UNAVAILABLE');
    expect(seen.signals[0].aborted).toBe(true);
  });

  it('stops the work of a request whose caller hangs up', async () => {
    const seen = { bodies: [] as unknown[], signals: [] as AbortSignal[] };
    const { base } = await serve({ apollo: fakeApollo(300, seen) });
    const controller = new AbortController();
    const request = fetch(`${base}/graphql`, { method: 'POST', body: '{"query":"{ ok }"}', signal: controller.signal });
    while (seen.signals.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.signals[0].aborted).toBe(false);
    controller.abort();
    await expect(request).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.signals[0].aborted).toBe(true);
  });

  it('refuses a body over the limit with 413, bad JSON with 400, and batches unless allowed', async () => {
    const seen = { bodies: [] as unknown[], signals: [] as AbortSignal[] };
    const { post } = await serve({ apollo: fakeApollo(0, seen), maxBodyBytes: 100, maxBatchOperations: 2 });
    const large = await post('/graphql', JSON.stringify({ query: 'x'.repeat(200) }));
    expect(large.status).toBe(413);
    expect(await errorOf(large)).toMatchObject({ message: 'The request body exceeds 100 bytes', extensions: { code: 'BAD_USER_INPUT' } });
    const notJson = await post('/graphql', '{"query":');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).extensions.code).toBe('BAD_USER_INPUT');
    const three = await post('/graphql', JSON.stringify([{ query: '{a}' }, { query: '{b}' }, { query: '{c}' }]));
    expect(three.status).toBe(400);
    expect((await errorOf(three)).message).toMatch(/at most 2 operations; this one has 3/);
    expect(seen.bodies).toEqual([]);
    expect((await post('/graphql', JSON.stringify([{ query: '{a}' }, { query: '{b}' }]))).status).toBe(200);
    expect(seen.bodies).toEqual([[{ query: '{a}' }, { query: '{b}' }]]);
  });

  it('reads a body whatever type it declares, and passes a GET query on as it came', async () => {
    const seen = { bodies: [] as unknown[], signals: [] as AbortSignal[] };
    const { base } = await serve({ apollo: fakeApollo(0, seen) });
    const text = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ a }"}' });
    expect(text.status).toBe(200);
    expect((await fetch(`${base}/graphql?query=%7Bb%7D`)).status).toBe(200);
    expect(seen.bodies).toEqual([{ query: '{ a }' }, undefined]);
  });

  it('refuses before execution when the context refuses, with the status of its code and a request id', async () => {
    const seen = { bodies: [] as unknown[], signals: [] as AbortSignal[] };
    const { post } = await serve({
      apollo: fakeApollo(0, seen),
      context: async () => {
        throw new AppError('UNAUTHENTICATED', 'A valid token is required');
      },
    });
    const response = await post('/graphql', '{"query":"{ ok }"}');
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error).toMatchObject({ message: 'A valid token is required', extensions: { code: 'UNAUTHENTICATED' } });
    expect(response.headers.get('x-request-id')).toBe(error.extensions.requestId);
    expect(seen.bodies).toEqual([]);
  });

  it('answers health, readiness, nothing elsewhere (coded 404), and nosniff on every answer', async () => {
    let ready = false;
    const { base, post } = await serve({ ready: async () => ready });
    const health = await fetch(`${base}/health`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const notReady = await fetch(`${base}/ready`);
    expect([notReady.status, await notReady.json()]).toEqual([503, { ready: false }]);
    ready = true;
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const nothing = await fetch(`${base}/etc/passwd`);
    expect(nothing.status).toBe(404);
    expect((await errorOf(nothing)).extensions).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
    expect((await fetch(`${base}/health`, { method: 'HEAD' })).status).toBe(404);
    for (const response of [health, notReady, nothing, await post('/graphql', '{"query":"{ ok }"}')])
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves JSON routes (POST) and GET routes by prefix, with coded errors', async () => {
    const { base, post } = await serve({
      routes: {
        '/internal/echo': async (body) => {
          if ((body as { fail?: boolean }).fail) throw new AppError('FORBIDDEN', 'Not for you');
          return { echo: body };
        },
      },
      getRoutes: {
        '/hsds': async (_request, url) =>
          url.pathname === '/hsds/stream'
            ? {
                status: 200,
                contentType: 'application/x-ndjson',
                text: (async function* () {
                  yield '{"a":1}\n';
                  yield '{"b":2}\n';
                })(),
              }
            : { status: 200, body: { path: url.pathname, q: url.searchParams.get('q') } },
      },
    });
    expect(await (await post('/internal/echo', '{"x":1}')).json()).toEqual({ echo: { x: 1 } });
    expect(await (await post('/internal/echo', '')).json()).toEqual({ echo: {} });
    const forbidden = await post('/internal/echo', '{"fail":true}');
    expect([forbidden.status, (await errorOf(forbidden)).extensions.code]).toEqual([403, 'FORBIDDEN']);
    const notJson = await post('/internal/echo', 'nope');
    expect([notJson.status, (await errorOf(notJson)).extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(await (await fetch(`${base}/hsds?q=food`)).json()).toEqual({ path: '/hsds', q: 'food' });
    expect(await (await fetch(`${base}/hsds/services/1`)).json()).toEqual({ path: '/hsds/services/1', q: null });
    const stream = await fetch(`${base}/hsds/stream`);
    expect([stream.headers.get('content-type'), await stream.text()]).toEqual(['application/x-ndjson', '{"a":1}\n{"b":2}\n']);
    expect((await fetch(`${base}/hsdsx`)).status).toBe(404);
  });

  it('answers an unexpected failure 500 without its detail, and reports it with the request id', async () => {
    const reported: unknown[] = [];
    const { post } = await serve({
      context: async () => {
        throw new Error('connection string postgres://secret@db');
      },
      onError: (error) => reported.push(error),
    });
    const response = await post('/graphql', '{"query":"{ ok }"}');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(reported).toEqual([
      expect.objectContaining({ message: 'connection string postgres://secret@db', requestId: expect.any(String) }),
    ]);
  });

  it('answers headers over the limit with a coded 431', async () => {
    const { base } = await serve();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () =>
        socket.write(`GET /graphql HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(answer).toMatch(/"code":"BAD_USER_INPUT"/);
  });
});
