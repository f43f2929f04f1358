import type { EntityManager } from 'typeorm';

/**
 * What runs a statement of a `*.sql.ts` file: the DataSource, or the
 * EntityManager of a change's transaction. Each file's statements are named
 * functions `(db, params) => db.query<Row[]>(SQL, [...])` over this, with a
 * typed row, so that every hand-written statement of an aggregate is in one
 * place and parameterised.
 */
export type SqlRunner = Pick<EntityManager, 'query'>;
