import { type FindOperator, Raw } from 'typeorm';

let parameters = 0;

/**
 * The find operator for "the column is one of these values" as one constant
 * statement: `column = ANY($n)` with the whole list as one array parameter,
 * where TypeORM's `In(values)` writes `IN ($1, $2, …)`, a different statement
 * text for every number of values. With one text per read, PostgreSQL sees one
 * statement (one pg_stat_statements entry, one statement to prepare) whatever
 * the batch size. PostgreSQL types the array from the column (`uuid` →
 * `uuid[]`, `text` → `text[]`); `cast` names the array type where the column
 * does not say it. Each call has its own parameter name, so that two in one
 * query never overwrite each other's values.
 */
export function anyOf<T extends string | number>(values: readonly T[], cast?: `${string}[]`): FindOperator<T> {
  parameters += 1;
  const name = `anyOf_${parameters}`;
  const parameter = cast ? `CAST(:${name} AS ${cast})` : `:${name}`;
  return Raw<T>((column) => `${column} = ANY(${parameter})`, { [name]: [...values] });
}
