/** The hand-written statements of the client aggregate. */
import type { SqlRunner } from '../shared/sql';

export interface DuplicatePairRow {
  /** The client asked about. */
  for_id: string;
  /** A likely duplicate of it. */
  id: string;
}

const DUPLICATE_PAIRS_SQL = `SELECT c.id AS for_id, d.id FROM clients.client c
           JOIN clients.client d ON d.organization_id = c.organization_id AND d.date_of_birth = c.date_of_birth AND d.id <> c.id
            AND ((d.folded_first = c.folded_first AND d.folded_last = c.folded_last) OR (d.folded_first = c.folded_last AND d.folded_last = c.folded_first))
          WHERE c.id = ANY($1::uuid[])`;

/**
 * Likely duplicates of each of the clients: same agency and birth date, and
 * the same folded first and last names, or the two swapped.
 */
export const duplicatePairs = (db: SqlRunner, clientIds: readonly string[]) =>
  db.query<DuplicatePairRow[]>(DUPLICATE_PAIRS_SQL, [clientIds]);
