import type { EntityManager } from 'typeorm';

/**
 * What runs a statement of a `*.sql.ts` file: the DataSource, or the
 * EntityManager of a change's transaction. Each file holds its aggregate's
 * hand-written statements as SQL constants, each run by a named function
 * `(db, params)` that passes the parameters in order and types the rows,
 * so that every statement is in one place and parameterised.
 */
export type SqlRunner = Pick<EntityManager, 'query'>;
