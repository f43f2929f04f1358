import type { EntityManager } from 'typeorm';

const ADDRESS_OF_TYPE_SQL = 'SELECT id FROM resources.address WHERE location_id = $1 AND address_type = $2 ORDER BY id LIMIT 1 FOR UPDATE';

/** The location's address of this type (one per type), locked for the rest of the transaction; null when it has none. */
export async function addressIdOfType(tx: EntityManager, locationId: string, addressType: string): Promise<string | null> {
  const rows = await tx.query<Array<{ id: string }>>(ADDRESS_OF_TYPE_SQL, [locationId, addressType]);
  return rows[0]?.id ?? null;
}
