import { GraphQLError } from 'graphql';
import { badInput, notFound } from '@caseflow/core';
import { formatError } from './errors';
import { groupLoader, rowLoader } from './loaders';
import { DateScalar, DateTimeScalar } from './scalars';
import { outcomeCount } from './shared-types';

describe('rowLoader', () => {
  it('fetches each distinct key once per batch and answers in key order, null for missing', async () => {
    const calls: string[][] = [];
    const loader = rowLoader(
      async (ids: string[]) => {
        calls.push(ids);
        return ids.filter((id) => id !== 'x').map((id) => ({ id, name: id.toUpperCase() }));
      },
      (row) => row.id,
    );
    const rows = await Promise.all(['b', 'a', 'b', 'x'].map((id) => loader.load(id)));
    expect(rows).toEqual([{ id: 'b', name: 'B' }, { id: 'a', name: 'A' }, { id: 'b', name: 'B' }, null]);
    expect(calls).toEqual([['b', 'a', 'x']]);
  });
});

describe('groupLoader', () => {
  it('groups the rows of one batch by parent key, empty lists for parents with none', async () => {
    const calls: string[][] = [];
    const loader = groupLoader(
      async (keys: string[]) => {
        calls.push(keys);
        return [
          { parent: 'p1', n: 1 },
          { parent: 'p2', n: 2 },
          { parent: 'p1', n: 3 },
        ];
      },
      (row) => row.parent,
    );
    expect(await Promise.all(['p1', 'p2', 'p3'].map((k) => loader.load(k)))).toEqual([
      [
        { parent: 'p1', n: 1 },
        { parent: 'p1', n: 3 },
      ],
      [{ parent: 'p2', n: 2 }],
      [],
    ]);
    expect(calls).toHaveLength(1);
  });
});

describe('scalars', () => {
  it('take strings (the normalisation checks them, naming the field) and write instants in UTC', () => {
    expect(DateScalar.parseValue('2026-02-30')).toBe('2026-02-30');
    expect(() => DateTimeScalar.parseValue(20261123)).toThrow(/string/);
    expect(DateTimeScalar.serialize(new Date('2026-11-23T14:00:00Z'))).toBe('2026-11-23T14:00:00.000Z');
  });
});

describe('formatError', () => {
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['client'] });
  const formatted = (error: GraphQLError) => formatError({ message: error.message, path: error.path, extensions: error.extensions }, error);

  it("keeps a domain error's code, message and field", () => {
    expect(formatted(wrap(badInput('input.firstName', 'must not be empty')))).toEqual({
      path: ['client'],
      locations: undefined,
      message: 'input.firstName must not be empty',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.firstName' },
    });
    expect(formatted(wrap(notFound('Client', 'c1'))).extensions).toEqual({ code: 'NOT_FOUND', entity: 'Client', id: 'c1' });
  });

  it('masks unexpected errors so that no SQL, stack or host name reaches the caller', () => {
    const leak = new Error('relation "clients.client" does not exist at db.internal:5432');
    const result = formatted(wrap(leak));
    expect(result).toEqual({
      path: ['client'],
      locations: undefined,
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/relation|db\.internal|stack/);
  });

  it('reports a lost database as UNAVAILABLE', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(formatted(wrap(lost))).toEqual({
      path: ['client'],
      locations: undefined,
      message: 'The database is unavailable; retry later',
      extensions: { code: 'UNAVAILABLE' },
    });
  });
});

describe('outcome suppression', () => {
  it('suppresses every cell under 11, zero included, and shows 11 and more', () => {
    expect([0, 1, 10, 11, 250].map(outcomeCount)).toEqual([
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: null, suppressed: true },
      { count: 11, suppressed: false },
      { count: 250, suppressed: false },
    ]);
  });
});
