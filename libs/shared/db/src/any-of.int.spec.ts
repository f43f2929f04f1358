import { randomUUID } from 'node:crypto';
import { Column, Entity, In, PrimaryColumn } from 'typeorm';
import { createTestDatabase } from '@caseflow/testing';
import { anyOf } from './any-of';
import { createDatabase, type Database } from './data-source';

@Entity({ name: 'thing' })
class ThingEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text') tag!: string;
  @Column('varchar', { length: 20 }) code!: string;
  @Column('int') rank!: number;
}

const OWNERS = [randomUUID(), randomUUID()];
const things = Array.from({ length: 120 }, (_, i) => ({
  id: randomUUID(),
  ownerId: OWNERS[i % 2],
  tag: `tag-${i % 7}`,
  code: `C${i}`,
  rank: i,
}));

let db: Database;
beforeAll(async () => {
  db = createDatabase({ url: await createTestDatabase('anyof'), schema: 'public', entities: [ThingEntity], migrations: [] });
  await db.dataSource.initialize();
  await db.dataSource.query(
    'CREATE TABLE thing (id uuid PRIMARY KEY, owner_id uuid NOT NULL, tag text NOT NULL, code varchar(20) NOT NULL, rank int NOT NULL)',
  );
  await db.dataSource.getRepository(ThingEntity).insert(things);
});
afterAll(() => db?.dataSource.destroy());

const repository = () => db.dataSource.getRepository(ThingEntity);
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

/** Runs `read` and returns its rows and the one statement it sent. */
async function traced<R>(read: () => Promise<R>): Promise<{ rows: R; sql: string }> {
  const mark = db.counter.count;
  const rows = await read();
  const sent = db.counter.since(mark);
  expect(sent).toHaveLength(1);
  return { rows, sql: sent[0] };
}

describe('anyOf', () => {
  it('sends the same statement text for 1, 5 and 50 keys, and returns exactly the rows asked for', async () => {
    const texts = new Set<string>();
    for (const n of [1, 5, 50]) {
      const asked = things.slice(10, 10 + n);
      const { rows, sql } = await traced(() => repository().findBy({ id: anyOf(asked.map((t) => t.id)) }));
      expect(ids(rows)).toEqual(ids(asked));
      texts.add(sql);
    }
    expect(texts.size).toBe(1);
    const [sql] = texts;
    expect(sql).toMatch(/"id" = ANY\(\$1\)/);
    expect(sql).not.toMatch(/ IN \(/);
  });

  it('where In would have sent a new statement text for every batch size', async () => {
    const one = await traced(() => repository().findBy({ id: In([things[0].id]) }));
    const five = await traced(() => repository().findBy({ id: In(things.slice(0, 5).map((t) => t.id)) }));
    expect(one.sql).not.toBe(five.sql);
  });

  it('sends the list as one array parameter that PostgreSQL types from the column (uuid, text, int)', async () => {
    const byOwner = await repository().findBy({ ownerId: anyOf([OWNERS[1]]) });
    expect(ids(byOwner)).toEqual(ids(things.filter((t) => t.ownerId === OWNERS[1])));
    const byTag = await repository().findBy({ tag: anyOf(['tag-3', 'tag-5']) });
    expect(ids(byTag)).toEqual(ids(things.filter((t) => t.tag === 'tag-3' || t.tag === 'tag-5')));
    const byRank = await repository().findBy({ rank: anyOf([0, 1, 119]) });
    expect(ids(byRank)).toEqual(ids(things.filter((t) => [0, 1, 119].includes(t.rank))));
  });

  it('casts the array where asked', async () => {
    const { rows, sql } = await traced(() => repository().findBy({ code: anyOf(['C4', 'C8'], 'varchar[]') }));
    expect(rows.map((r) => r.code).sort()).toEqual(['C4', 'C8']);
    expect(sql).toMatch(/"code" = ANY\(CAST\(\$1 AS varchar\[\]\)\)/);
  });

  it('keeps two lists in one query apart, beside other conditions and an order', async () => {
    const wanted = things.slice(0, 40).map((t) => t.id);
    const { rows, sql } = await traced(() =>
      repository().find({ where: { id: anyOf(wanted), tag: anyOf(['tag-1', 'tag-2']) }, order: { rank: 'DESC' } }),
    );
    const expected = things.slice(0, 40).filter((t) => t.tag === 'tag-1' || t.tag === 'tag-2');
    expect(rows.map((r) => r.id)).toEqual(expected.map((t) => t.id).reverse());
    expect(sql).toMatch(/= ANY\(\$1\).*= ANY\(\$2\)/s);
  });

  it('answers no rows for an empty list, unknown keys and repeated keys without error', async () => {
    expect(await repository().findBy({ id: anyOf([]) })).toEqual([]);
    expect(await repository().findBy({ id: anyOf([randomUUID()]) })).toEqual([]);
    const twice = await repository().findBy({ id: anyOf([things[3].id, things[3].id]) });
    expect(ids(twice)).toEqual([things[3].id]);
  });

  it('leaves the list it was given as it was', async () => {
    const asked = [things[2].id, things[1].id];
    await repository().findBy({ id: anyOf(asked) });
    expect(asked).toEqual([things[2].id, things[1].id]);
  });
});
