import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Maps raw rows (snake_case columns, as `query` returns them) to entities
 * through TypeORM's own column metadata, for the statements TypeORM cannot
 * write itself (UPDATE … RETURNING in a CTE, LATERAL pages).
 */
export function entitiesFromRows<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  rows: Record<string, unknown>[],
): T[] {
  const columns = dataSource.getMetadata(target).columns;
  return rows.map((row) => {
    const entity: Record<string, unknown> = {};
    for (const column of columns) entity[column.propertyName] = row[column.databaseName];
    return entity as T;
  });
}
