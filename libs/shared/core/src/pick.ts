/**
 * The named fields of a row, copied as they are. A mapper takes with it the
 * fields its GraphQL type shares with its entity by name and type, and spells
 * out only the ones that differ (a reference, a derived status).
 */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = row[key];
  return picked;
}
