import type { ServerResponse } from 'node:http';
import { answerJson as json, FakePeerServer, failureOf } from '@caseflow/testing';
import type { Actor } from './actor';
import { callInternal, type InternalCall } from './internal-client';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, verifyInternalToken } from './internal-token';

const casey: Actor = {
  staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001',
  role: 'CASE_MANAGER',
  organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000001',
};
const secret = 'test-internal-secret';

/** A question to the plans service's fake (idempotent, 500 ms), but for what `call` says. */
const ask = (call: Partial<InternalCall> & Pick<InternalCall, 'baseUrl'>) =>
  callInternal<{ answer: number }>({
    peer: 'the plans service',
    path: '/internal/question',
    body: { ask: 1 },
    identity: { token: 'forwarded-token' },
    requestId: 'req-7',
    idempotent: true,
    timeoutMs: 500,
    ...call,
  });

describe('the internal client', () => {
  const peer = new FakePeerServer();
  let baseUrl: string;
  const call = (over: Partial<InternalCall> = {}) => ask({ baseUrl, ...over });

  beforeAll(async () => {
    baseUrl = await peer.start();
  });
  afterAll(() => peer.stop());
  beforeEach(() => {
    peer.received = [];
  });

  it('posts the question as JSON with the forwarded token and request id, and returns the answer', async () => {
    peer.handler = (_, response) => json(response, 200, { answer: 42 });
    await expect(call()).resolves.toEqual({ answer: 42 });
    expect(peer.received).toHaveLength(1);
    expect(JSON.parse(peer.received[0].body)).toEqual({ ask: 1 });
    expect(peer.received[0].headers[INTERNAL_TOKEN_HEADER]).toBe('forwarded-token');
    expect(peer.received[0].headers[REQUEST_ID_HEADER]).toBe('req-7');
  });

  it('signs an internal token for an actor', async () => {
    peer.handler = (_, response) => json(response, 200, { answer: 1 });
    await call({ identity: { actor: casey, secret } });
    await expect(verifyInternalToken(peer.received[0].headers[INTERNAL_TOKEN_HEADER] as string, secret)).resolves.toEqual({
      actor: casey,
      requestId: 'req-7',
    });
  });

  it('retries an idempotent call once when the peer answers 503, and when the connection drops', async () => {
    peer.handler = (_, response, attempt) => (attempt === 1 ? json(response, 503, {}) : json(response, 200, { answer: 2 }));
    await expect(call()).resolves.toEqual({ answer: 2 });
    expect(peer.received).toHaveLength(2);

    peer.received = [];
    peer.handler = (request, response, attempt) => (attempt === 1 ? request.socket.destroy() : json(response, 200, { answer: 3 }));
    await expect(call()).resolves.toEqual({ answer: 3 });
    expect(peer.received).toHaveLength(2);
  });

  it('gives up after one retry with UNAVAILABLE naming the peer', async () => {
    peer.handler = (_, response) => json(response, 503, {});
    expect(await failureOf(call({ purpose: 'Goals could not be checked' }))).toEqual({
      code: 'UNAVAILABLE',
      message: 'Goals could not be checked (the plans service answered 503); retry later',
    });
    expect(peer.received).toHaveLength(2);
  });

  it('sends a call that is not idempotent once, even when the peer failed', async () => {
    peer.handler = (_, response) => json(response, 503, {});
    expect(await failureOf(call({ idempotent: false }))).toEqual({
      code: 'UNAVAILABLE',
      message: 'The plans service answered 503; retry later',
    });
    expect(peer.received).toHaveLength(1);
  });

  it('does not retry a client error', async () => {
    peer.handler = (_, response) => json(response, 401, { errors: [] });
    expect((await failureOf(call())).code).toBe('UNAVAILABLE');
    expect(peer.received).toHaveLength(1);
  });

  it('answers UNAVAILABLE naming the peer when it does not answer in time, without retrying', async () => {
    const pending: ServerResponse[] = [];
    peer.handler = (_, response) => void pending.push(response);
    const started = Date.now();
    expect(await failureOf(call({ timeoutMs: 150 }))).toEqual({
      code: 'UNAVAILABLE',
      message: 'The plans service did not answer in time; retry later',
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(peer.received).toHaveLength(1);
    pending.forEach((response) => response.end());
  });

  it('answers UNAVAILABLE when nothing listens at the peer address', async () => {
    expect(await failureOf(call({ baseUrl: 'http://127.0.0.1:1' }))).toEqual({
      code: 'UNAVAILABLE',
      message: 'The plans service could not be reached; retry later',
    });
  });
});

describe('the internal client with several replicas of a peer', () => {
  let a: FakePeerServer;
  let b: FakePeerServer;
  let urls: string[];
  const call = (baseUrl: string, idempotent: boolean) =>
    ask({ peer: 'the clients service', baseUrl, path: '/internal/client-access', requestId: 'req-8', idempotent });

  // New replicas (new addresses) for each test: the round-robin's place is kept per address list.
  beforeEach(async () => {
    a = new FakePeerServer((_, response) => json(response, 200, { answer: 1 }));
    b = new FakePeerServer((_, response) => json(response, 200, { answer: 2 }));
    urls = [await a.start(), await b.start()];
  });
  afterEach(() => Promise.all([a.stop(), b.stop()]));

  it('spreads calls round-robin over the replicas listed in the base URL', async () => {
    const answers = [];
    for (let n = 0; n < 4; n += 1) answers.push((await call(urls.join(','), true)).answer);
    expect(answers).toEqual([1, 2, 1, 2]);
  });

  it('sends an idempotent call to the next replica when one drops the connection or answers 503, without a pause', async () => {
    a.handler = (request) => request.socket.destroy();
    await expect(call(urls.join(','), true)).resolves.toEqual({ answer: 2 });
    a.handler = (_, response) => json(response, 503, {});
    await expect(call(`${urls[0]}, ${urls[1]}`, true)).resolves.toEqual({ answer: 2 });
    expect([a.received.length, b.received.length]).toEqual([2, 2]);
  });

  it('sends a call that is not idempotent to the next replica only when the first could not be reached at all', async () => {
    await a.stop();
    await expect(call(urls.join(','), false)).resolves.toEqual({ answer: 2 });
    expect(b.received).toHaveLength(1);
    a = new FakePeerServer();
  });

  it('never sends a call that is not idempotent twice once a replica may have received it', async () => {
    a.handler = (request) => request.socket.destroy();
    expect(await failureOf(call(urls.join(','), false))).toEqual({
      code: 'UNAVAILABLE',
      message: 'The clients service could not be reached; retry later',
    });
    expect([a.received.length, b.received.length]).toEqual([1, 0]);
  });
});
