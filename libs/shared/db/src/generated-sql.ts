/**
 * SQL fragments for generating data inside PostgreSQL (the benchmark's
 * dataset): deterministic for a seed, so every subgraph's generator agrees on
 * the same rows without passing them through Node.
 */

/** SQL for a deterministic number in [0, 1) from a seed, a salt and a row key. */
export function generatedRandomSql(seed: number, salt: string, key: string): string {
  return `((hashtextextended('${salt}:' || (${key})::text, ${Math.trunc(seed)}) & 2147483647)::float8 / 2147483648.0)`;
}

/** SQL for a generated row's id: md5 of kind and key, as a uuid (independent of the seed, so emails and ids stay fixed). */
export function generatedIdSql(kind: string, key: string): string {
  return `md5('bench:${kind}:' || (${key})::text)::uuid`;
}
