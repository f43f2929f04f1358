import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSubgraphTransport, type SubgraphTransport } from './subgraph-transport';
import { resendable } from './resendable';

/** A real HTTP replica that records the bodies it was sent before answering (or not) as `answer` says. */
interface Replica {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

async function startReplica(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Replica> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      replica.bodies.push(body);
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const replica: Replica = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    bodies: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return replica;
}

const answers = (response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"data":{"ok":true}}');
};
/** Takes the request, then drops the connection without a word (a replica killed mid-request). */
const drops = (request: IncomingMessage) => request.socket.destroy();

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const aQuery = post({ query: '{ ok }' });
const unkeyedMutation = post({
  query: 'mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }',
  variables: { input: {} },
});
const keyedMutation = post({
  query: 'mutation($input: OpenClientInput!) { openClient(input: $input) { id } }',
  variables: { input: { firstName: 'A', lastName: 'B', clientMutationId: 'k-1' } },
});

describe('the subgraph transport with several replicas', () => {
  let transport: SubgraphTransport;
  const replicas: Replica[] = [];
  const start = async (answer: (request: IncomingMessage, response: ServerResponse) => void) => {
    const replica = await startReplica(answer);
    replicas.push(replica);
    return replica;
  };

  beforeEach(() => {
    transport = createSubgraphTransport({ connections: 4 });
  });

  afterEach(async () => {
    await transport.close();
    await Promise.all(replicas.splice(0).map((replica) => replica.close()));
  });

  it('spreads calls round-robin over the replicas', async () => {
    const [a, b] = [await start((_q, r) => answers(r)), await start((_q, r) => answers(r))];
    const fetcher = transport.fetcher('clients', 1000, [a.url, b.url]);
    for (let n = 0; n < 6; n += 1) expect((await fetcher(a.url, aQuery)).status).toBe(200);
    expect([a.bodies.length, b.bodies.length]).toEqual([3, 3]);
  });

  it('sends every call, mutations included, to the replica that answers when another refuses connections', async () => {
    const gone = await startReplica((_q, r) => answers(r));
    await gone.close();
    const live = await start((_q, r) => answers(r));
    const fetcher = transport.fetcher('plans', 1000, [gone.url, live.url]);
    for (const call of [aQuery, unkeyedMutation, aQuery, keyedMutation]) expect((await fetcher(gone.url, call)).status).toBe(200);
    expect(live.bodies).toHaveLength(4);
  });

  it('resends a query, and a mutation whose every field carries a clientMutationId, when a replica drops the connection', async () => {
    const [dropping, live] = [await start(drops), await start((_q, r) => answers(r))];
    expect((await transport.fetcher('clients', 1000, [dropping.url, live.url])(live.url, aQuery)).status).toBe(200);
    expect((await transport.fetcher('clients', 1000, [dropping.url, live.url])(live.url, keyedMutation)).status).toBe(200);
    expect(dropping.bodies).toEqual([aQuery.body, keyedMutation.body]);
    expect(live.bodies).toEqual([aQuery.body, keyedMutation.body]);
  });

  it('never resends a mutation without a clientMutationId once a replica may have received it', async () => {
    const [dropping, live] = [await start(drops), await start((_q, r) => answers(r))];
    await expect(transport.fetcher('referrals', 1000, [dropping.url, live.url])(live.url, unkeyedMutation)).rejects.toThrow(
      'Subgraph referrals unreachable',
    );
    expect(dropping.bodies).toEqual([unkeyedMutation.body]);
    expect(live.bodies).toEqual([]);
  });

  it('does not resend a call that timed out: a slow replica is not helped by more load', async () => {
    const [silent, live] = [await start(() => undefined), await start((_q, r) => answers(r))];
    await expect(transport.fetcher('resources', 150, [silent.url, live.url])(live.url, aQuery)).rejects.toThrow(
      'Subgraph resources unreachable',
    );
    expect(silent.bodies).toHaveLength(1);
    expect(live.bodies).toEqual([]);
  });

  it('names the subgraph when no replica can be reached', async () => {
    const gone = [await startReplica((_q, r) => answers(r)), await startReplica((_q, r) => answers(r))];
    await Promise.all(gone.map((g) => g.close()));
    await expect(
      transport.fetcher(
        'plans',
        1000,
        gone.map((g) => g.url),
      )(gone[0].url, aQuery),
    ).rejects.toThrow('Subgraph plans unreachable');
  });
});

describe('what may be sent again after a dropped connection', () => {
  const mutation = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

  it('any query', () => {
    expect(resendable(JSON.stringify({ query: '{ clients { totalCount } }' }))).toBe(true);
    expect(resendable(JSON.stringify({ query: 'query Q($mutation: ID) { client(id: $mutation) { id } }' }))).toBe(true);
  });

  it('a mutation whose every field carries a non-empty clientMutationId, written or in a variable', () => {
    expect(resendable(mutation('mutation { openClient(input: { firstName: "A", lastName: "B", clientMutationId: "k" }) { id } }'))).toBe(
      true,
    );
    expect(resendable(mutation('mutation($i: OpenClientInput!) { openClient(input: $i) { id } }', { i: { clientMutationId: 'k' } }))).toBe(
      true,
    );
    expect(
      resendable(mutation('mutation($k: String) { openClient(input: { firstName: "A", clientMutationId: $k }) { id } }', { k: 'k' })),
    ).toBe(true);
    expect(
      resendable(mutation('mutation($i: OpenClientInput!) { __typename openClient(input: $i) { id } }', { i: { clientMutationId: 'k' } })),
    ).toBe(true);
  });

  it('no other mutation, nor anything it cannot read', () => {
    expect(resendable(mutation('mutation($i: AddCaseNoteInput!) { addCaseNote(input: $i) { id } }', { i: { body: 'x' } }))).toBe(false);
    expect(resendable(mutation('mutation($i: OpenClientInput!) { openClient(input: $i) { id } }', { i: { clientMutationId: '' } }))).toBe(
      false,
    );
    expect(resendable(mutation('mutation($i: OpenClientInput!) { openClient(input: $i) { id } }', { i: { clientMutationId: null } }))).toBe(
      false,
    );
    expect(
      resendable(
        mutation('mutation($i: OpenClientInput!, $n: AddCaseNoteInput!) { openClient(input: $i) { id } addCaseNote(input: $n) { id } }', {
          i: { clientMutationId: 'k' },
          n: {},
        }),
      ),
    ).toBe(false);
    expect(resendable('{"query": "mutation {')).toBe(false);
    expect(resendable(mutation('mutation { openClient(input: {'))).toBe(false);
    expect(resendable(undefined)).toBe(false);
  });
});
