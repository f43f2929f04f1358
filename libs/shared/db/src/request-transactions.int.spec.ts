import { Client } from 'pg';
import { withRequestSignal } from '@caseflow/core';
import { createTestDatabase } from '@caseflow/testing';
import { createDatabase, type Database } from './data-source';

let db: Database;
let url: string;
beforeAll(async () => {
  url = await createTestDatabase('txguard');
  db = createDatabase({ url, schema: 'public', entities: [], migrations: [] });
  await db.dataSource.initialize();
  await db.dataSource.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
  await db.dataSource.query('INSERT INTO counter VALUES (1, 0)');
});
afterAll(() => db?.dataSource.destroy());

const value = async () => Number((await db.dataSource.query('SELECT n FROM counter WHERE id = 1'))[0].n);
const bump = () => db.dataSource.transaction((tx) => tx.query('UPDATE counter SET n = n + 1 WHERE id = 1'));

describe('transactions of a stopped request', () => {
  it('commit as usual outside a request and inside a live one', async () => {
    await bump();
    await withRequestSignal(new AbortController().signal, bump);
    expect(await value()).toBe(2);
  });

  it('do not start for a request already aborted', async () => {
    const before = await value();
    await expect(withRequestSignal(AbortSignal.abort(), bump)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await value()).toBe(before);
  });

  it('roll back instead of committing when the request is aborted during the transaction', async () => {
    const before = await value();
    const controller = new AbortController();
    const work = withRequestSignal(controller.signal, () =>
      db.dataSource.transaction(async (tx) => {
        await tx.query('UPDATE counter SET n = n + 100 WHERE id = 1');
        controller.abort();
      }),
    );
    await expect(work).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await value()).toBe(before);
  });

  it('have the statement they wait on cancelled when the request is aborted, and change nothing after the lock is gone', async () => {
    const before = await value();
    const locker = new Client({ connectionString: url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
    const controller = new AbortController();
    const work = withRequestSignal(controller.signal, bump);
    // Aborted while blocked on the row lock: the statement is cancelled at once, not when the lock is released.
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await expect(work).rejects.toBeDefined();
    await locker.query('ROLLBACK');
    await locker.end();
    expect(await value()).toBe(before);
  });
});
