import { maskError } from './gateway';

describe('maskError', () => {
  it('passes the known codes with their message and field', () => {
    expect(
      maskError({
        message: 'first must be at most 100',
        path: ['clients'],
        extensions: { code: 'BAD_USER_INPUT', field: 'first', serviceName: 'clients' },
      }),
    ).toEqual({
      message: 'first must be at most 100',
      path: ['clients'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('turns an unreachable subgraph into UNAVAILABLE naming the missing part', () => {
    expect(
      maskError({
        message: 'request to http://10.1.2.3:4002/graphql failed, reason: connect ECONNREFUSED',
        path: ['clients', 'edges', 0, 'node', 'activePlan'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'plans' },
      }),
    ).toEqual({
      message: 'A part of this answer is unavailable (the plans service); retry later',
      path: ['clients', 'edges', 0, 'node', 'activePlan'],
      locations: undefined,
      extensions: { code: 'UNAVAILABLE', service: 'plans' },
    });
  });

  it('masks anything else, keeping no internal detail', () => {
    const masked = maskError({
      message: 'duplicate key value violates unique constraint "client_pkey"',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:1'] },
    });
    expect(masked).toEqual({
      message: 'Internal server error',
      path: undefined,
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('names the field of a coercion error and quotes only an excerpt of the value', () => {
    const masked = maskError({
      message: `Variable "$input" got invalid value "${'z'.repeat(10_000)}" at "input.need"; String cannot represent it`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(masked.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.need' });
    expect(masked.message.length).toBeLessThan(200);
  });
});
