import { connectionFailure, createReplicaSet, replicaUrls } from './replicas';

describe('a replica set', () => {
  it('offers every replica once per call, starting one further each time', () => {
    const set = createReplicaSet(['a', 'b', 'c']);
    expect([set.order(), set.order(), set.order(), set.order()]).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
      ['a', 'b', 'c'],
    ]);
  });

  it('puts a resting replica last until its rest is over', async () => {
    const set = createReplicaSet(['a', 'b', 'c'], 60);
    set.rest('a');
    expect([set.order(), set.order(), set.order()]).toEqual([
      ['b', 'c', 'a'],
      ['b', 'c', 'a'],
      ['c', 'b', 'a'],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(set.order()).toEqual(['a', 'b', 'c']);
  });

  it('always offers a lone address, and refuses none', () => {
    const set = createReplicaSet(['only']);
    set.rest('only');
    expect(set.order()).toEqual(['only']);
    expect(() => createReplicaSet([])).toThrow('at least one address');
  });

  it('reads a comma-separated list, ignoring spaces and empty entries', () => {
    expect(replicaUrls('http://a:1, http://b:1,')).toEqual(['http://a:1', 'http://b:1']);
    expect(replicaUrls(['http://a:1'])).toEqual(['http://a:1']);
  });
});

describe('how a call failed at the connection', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });

  it('never reached the service: refused, no route, unknown name, connect timeout', () => {
    expect(connectionFailure(withCode('ECONNREFUSED'))).toBe('unreached');
    expect(connectionFailure(new TypeError('fetch failed', { cause: withCode('ENOTFOUND') }))).toBe('unreached');
    expect(connectionFailure(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe('unreached');
    expect(connectionFailure(withCode('UND_ERR_CONNECT_TIMEOUT'))).toBe('unreached');
  });

  it('dropped after it may have been sent: reset, closed by the other side', () => {
    expect(connectionFailure(withCode('ECONNRESET'))).toBe('dropped');
    expect(connectionFailure(withCode('UND_ERR_SOCKET'))).toBe('dropped');
  });

  it('anything else is no connection failure (a timeout, an abort, a bad answer)', () => {
    expect(connectionFailure(withCode('UND_ERR_ABORTED'))).toBeNull();
    expect(connectionFailure(new Error('Unexpected token'))).toBeNull();
    expect(connectionFailure(undefined)).toBeNull();
  });
});
