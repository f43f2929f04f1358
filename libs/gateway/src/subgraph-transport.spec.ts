import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withRequestSignal } from '@caseflow/core';
import { createSubgraphTransport, type SubgraphTransport } from './subgraph-transport';

/** A real HTTP peer that counts the TCP connections it is opened and the requests it is sent. */
interface Peer {
  url: string;
  connections: number;
  requests: Array<{ method?: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

async function startPeer(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Peer> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      peer.requests.push({ method: request.method, headers: request.headers, body });
      answer(request, response);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', () => (peer.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const peer: Peer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: 0,
    requests: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return peer;
}

const answerJson = (status: number, body: unknown) => (_request: IncomingMessage, response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-served-by': 'peer' });
  response.end(JSON.stringify(body));
};

/** One turn of the event loop: undici frees a connection just after its answer is read, and a caller's next call comes later than that. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const query = (n: number) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: `{ n${n} }` }),
});

describe('the subgraph transport', () => {
  let transport: SubgraphTransport;
  const peers: Peer[] = [];

  beforeEach(() => {
    transport = createSubgraphTransport({ connections: 4 });
  });

  afterEach(async () => {
    await transport.close();
    await Promise.all(peers.splice(0).map((peer) => peer.close()));
  });

  it('sends the method, headers and body as given and returns the answer as fetch would', async () => {
    const peer = await startPeer(answerJson(200, { data: { ok: true } }));
    peers.push(peer);
    const response = await transport.fetcher('plans', 1000)(peer.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
      body: '{"query":"{ ok }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-served-by')).toBe('peer');
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(peer.requests).toEqual([
      { method: 'POST', headers: expect.objectContaining({ 'x-request-id': 'r-1' }), body: '{"query":"{ ok }"}' },
    ]);
  });

  it('reports an error status with its reason phrase and body, as the data source expects of fetch', async () => {
    const peer = await startPeer(answerJson(400, { errors: [{ message: 'first is invalid', extensions: { code: 'BAD_USER_INPUT' } }] }));
    peers.push(peer);
    const response = await transport.fetcher('plans', 1000)(peer.url, query(1));
    expect(response.ok).toBe(false);
    expect(response.status).toBe(400);
    expect(response.statusText).toBe('Bad Request');
    expect(JSON.parse(await response.text())).toEqual({
      errors: [{ message: 'first is invalid', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it('keeps one connection alive for calls made one after another', async () => {
    const peer = await startPeer(answerJson(200, { data: {} }));
    peers.push(peer);
    const fetcher = transport.fetcher('clients', 1000);
    for (let n = 0; n < 20; n += 1) {
      await nextTurn();
      expect((await fetcher(peer.url, query(n))).status).toBe(200);
    }
    expect(peer.requests).toHaveLength(20);
    expect(peer.connections).toBe(1);
  });

  it('gives each call in flight its own connection (no pipelining) and reuses them afterwards', async () => {
    const held: ServerResponse[] = [];
    const peer = await startPeer((_request, response) => {
      held.push(response);
      // Answers only once three calls are in flight at the same time: pipelined calls would wait for each other forever.
      if (held.length % 3 === 0) for (const waiting of held.splice(0)) answerJson(200, { data: {} })(_request, waiting);
    });
    peers.push(peer);
    const fetcher = transport.fetcher('clients', 2000);
    const first = await Promise.all([0, 1, 2].map((n) => fetcher(peer.url, query(n))));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    await nextTurn();
    const second = await Promise.all([3, 4, 5].map((n) => fetcher(peer.url, query(n))));
    expect(second.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(peer.requests).toHaveLength(6);
    expect(peer.connections).toBe(3);
  });

  it('gives up on a subgraph that does not answer in time, naming it, and is not held up by it afterwards', async () => {
    const peer = await startPeer((request, response) => {
      if (peer.requests.length > 1) answerJson(200, { data: {} })(request, response);
      // The first call is never answered.
    });
    peers.push(peer);
    const fetcher = transport.fetcher('referrals', 150);
    const started = Date.now();
    await expect(fetcher(peer.url, query(1))).rejects.toThrow('Subgraph referrals unreachable');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await fetcher(peer.url, query(2))).status).toBe(200);
  });

  it('gives up when the answer starts in time but its body does not finish', async () => {
    const peer = await startPeer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":');
    });
    peers.push(peer);
    await expect(transport.fetcher('plans', 150)(peer.url, query(1))).rejects.toThrow('Subgraph plans unreachable');
  });

  it('abandons the call when the caller’s request is aborted, before its own timeout', async () => {
    const peer = await startPeer(() => undefined);
    peers.push(peer);
    const caller = new AbortController();
    const started = Date.now();
    const pending = withRequestSignal(caller.signal, () => transport.fetcher('plans', 5000)(peer.url, query(1)));
    setTimeout(() => caller.abort(), 100);
    await expect(pending).rejects.toThrow('Subgraph plans unreachable');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not call at all for a request already aborted', async () => {
    const peer = await startPeer(answerJson(200, { data: {} }));
    peers.push(peer);
    const caller = new AbortController();
    caller.abort();
    await expect(withRequestSignal(caller.signal, () => transport.fetcher('plans', 5000)(peer.url, query(1)))).rejects.toThrow(
      'Subgraph plans unreachable',
    );
    expect(peer.requests).toHaveLength(0);
  });

  it('names the subgraph when nothing listens at its address', async () => {
    const peer = await startPeer(answerJson(200, { data: {} }));
    await peer.close();
    await expect(transport.fetcher('resources', 1000)(peer.url, query(1))).rejects.toThrow('Subgraph resources unreachable');
  });
});
