import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { createHttpService } from './http';

/** An Apollo server stand-in whose every answer takes `ms` (the HTTP front is what is under test here). */
function slowApollo(ms: number, onStart: () => void = () => undefined): ApolloServer<BaseContext> {
  return {
    executeHTTPGraphQLRequest: async () => {
      onStart();
      await new Promise((resolve) => setTimeout(resolve, ms));
      return {
        status: 200,
        headers: new HeaderMap([['content-type', 'application/json']]),
        body: { kind: 'complete', string: '{"data":{"ok":true}}' },
      };
    },
  } as unknown as ApolloServer<BaseContext>;
}

const post = (port: number, body: string) =>
  fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('the HTTP front', () => {
  it('drains a request in flight before it stops, and then refuses new connections', async () => {
    let started!: () => void;
    const executing = new Promise<void>((resolve) => (started = resolve));
    const service = createHttpService({ apollo: slowApollo(300, started), context: async () => ({}), ready: async () => true });
    const port = await service.listen(0);
    const inFlight = post(port, '{"query":"{ ok }"}');
    await executing;
    const stopped = service.stop();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { ok: true } });
    await stopped;
    await expect(post(port, '{"query":"{ ok }"}')).rejects.toThrow();
  });

  it('answers 503 UNAVAILABLE when a request outlives its timeout', async () => {
    const service = createHttpService({
      apollo: slowApollo(500),
      context: async () => ({}),
      ready: async () => true,
      requestTimeoutMs: 100,
    });
    const port = await service.listen(0);
    const response = await post(port, '{"query":"{ ok }"}');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAVAILABLE');
    await service.stop();
  });

  it('refuses a body over the limit with 413, and batches unless allowed', async () => {
    const service = createHttpService({
      apollo: slowApollo(0),
      context: async () => ({}),
      ready: async () => true,
      maxBodyBytes: 100,
      maxBatchOperations: 2,
    });
    const port = await service.listen(0);
    expect((await post(port, JSON.stringify({ query: 'x'.repeat(200) }))).status).toBe(413);
    const three = await post(port, JSON.stringify([{ query: '{a}' }, { query: '{b}' }, { query: '{c}' }]));
    expect(three.status).toBe(400);
    expect(await three.text()).toMatch(/at most 2 operations; this one has 3/);
    expect((await post(port, JSON.stringify([{ query: '{a}' }, { query: '{b}' }]))).status).toBe(200);
    await service.stop();
  });
});
