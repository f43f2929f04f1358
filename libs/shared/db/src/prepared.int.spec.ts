import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@caseflow/testing';
import { createDatabase, type Database } from './data-source';
import { preparedRead, runPrepared, unprefixed } from './prepared';

interface ThingRow {
  id: string;
  tag: string;
  rank: number;
}

const THINGS_BY_ID = preparedRead<ThingRow, [string[]]>(
  'test.things-by-id',
  'SELECT id, tag, rank FROM thing WHERE id = ANY($1::uuid[]) ORDER BY rank',
);
const things = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), tag: `tag-${i % 3}`, rank: i }));

let db: Database;
beforeAll(async () => {
  // One connection, so that what a statement leaves on its connection can be read back.
  db = createDatabase({ url: await createTestDatabase('prepared'), schema: 'public', entities: [], migrations: [], poolMax: 1 });
  await db.dataSource.initialize();
  await db.dataSource.query('CREATE TABLE thing (id uuid PRIMARY KEY, tag text NOT NULL, rank int NOT NULL)');
  await db.dataSource.query('INSERT INTO thing SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])', [
    things.map((t) => t.id),
    things.map((t) => t.tag),
    things.map((t) => t.rank),
  ]);
});
afterAll(() => db?.dataSource.destroy());

describe('prepared reads', () => {
  it('answer the rows, typed by the driver, and are counted like every statement', async () => {
    const before = db.counter.count;
    const rows = await runPrepared(db.dataSource, THINGS_BY_ID, [[things[4].id, things[2].id, randomUUID()]]);
    expect(rows).toEqual([things[2], things[4]]);
    expect(await runPrepared(db.dataSource, THINGS_BY_ID, [[]])).toEqual([]);
    expect(db.counter.since(before)).toEqual([THINGS_BY_ID.text, THINGS_BY_ID.text]);
  });

  it('are parsed once per connection, under their name, whatever the number of keys', async () => {
    for (const n of [1, 5, 20]) {
      const ids = things.slice(0, n).map((t) => t.id);
      expect((await runPrepared(db.dataSource, THINGS_BY_ID, [ids])).map((r) => r.id)).toEqual(ids);
    }
    const prepared = await db.dataSource.query<{ name: string; statement: string }[]>(
      'SELECT name, statement FROM pg_prepared_statements WHERE NOT from_sql',
    );
    expect(prepared).toEqual([{ name: THINGS_BY_ID.name, statement: THINGS_BY_ID.text }]);
  });

  it('refuse a name registered again with another text, and a malformed name', () => {
    expect(preparedRead('test.things-by-id', THINGS_BY_ID.text)).toEqual({ name: THINGS_BY_ID.name, text: THINGS_BY_ID.text });
    expect(() => preparedRead('test.things-by-id', 'SELECT 1')).toThrow('"test.things-by-id" is already registered with another text');
    expect(() => preparedRead('Bad Name', 'SELECT 1')).toThrow('must be 3–63 of a-z');
  });

  it('fail as any read does: the database error is thrown; a DataSource not started is refused', async () => {
    const broken = preparedRead<ThingRow, []>('test.no-such-table', 'SELECT id FROM no_such_table');
    await expect(runPrepared(db.dataSource, broken, [])).rejects.toMatchObject({ code: '42P01' });
    const gone = createDatabase({ url: 'postgres://nobody@127.0.0.1:1/none', schema: 'public', entities: [], migrations: [] });
    await expect(runPrepared(gone.dataSource, THINGS_BY_ID, [[]])).rejects.toThrow('the DataSource is not initialized');
  });
});

describe('unprefixed', () => {
  it("takes one joined table's columns out of a row, without their prefix, and nothing else", () => {
    const row = { total: 3, s_id: 'a', s_name: 'Pantry', o_id: 'b', o_name: 'Food Bank', s_minimumAge: null };
    expect(unprefixed(row, 's_')).toStrictEqual({ id: 'a', name: 'Pantry', minimumAge: null });
    expect(unprefixed(row, 'o_')).toStrictEqual({ id: 'b', name: 'Food Bank' });
    expect(unprefixed(row, 'x_')).toStrictEqual({});
  });
});
