import type { EntityManager } from 'typeorm';

const LANGUAGES_OF_PHONE_SQL = 'SELECT count(*)::int AS n FROM resources.language WHERE phone_id = $1';

/** How many `language` rows name the phone (HSDS lets a language belong to a phone; TypeORM's entity does not map it). */
export async function languagesOfPhone(tx: EntityManager, phoneId: string): Promise<number> {
  const [row] = await tx.query<Array<{ n: number }>>(LANGUAGES_OF_PHONE_SQL, [phoneId]);
  return row.n;
}
