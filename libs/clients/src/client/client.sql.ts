/** The hand-written statements of the client aggregate. */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { SqlRunner } from '../shared/sql';
import type { ClientEntity, ClientStatus } from './client.entity';

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

/** A client row shaped as the entity (a plain object), for the mappers that read entity fields. */
export type ClientRow = { [K in keyof ClientEntity]: ClientEntity[K] };

/** Every column of clients.client under its entity property name; dates (not timestamps) as 'YYYY-MM-DD' text, as TypeORM gives them. */
const CLIENT_COLUMNS = `c.id, c.organization_id AS "organizationId", c.first_name AS "firstName", c.last_name AS "lastName",
       c.preferred_name AS "preferredName", c.date_of_birth::text AS "dateOfBirth", c.status, c.intake_date::text AS "intakeDate",
       c.assigned_case_manager_id AS "assignedCaseManagerId", c.search_name AS "searchName", c.sort_key AS "sortKey",
       c.folded_first AS "foldedFirst", c.folded_last AS "foldedLast", c.contact_method AS "contactMethod",
       c.contact_phone AS "contactPhone", c.contact_email AS "contactEmail", c.voicemail_allowed AS "voicemailAllowed",
       c.public_greeting AS "publicGreeting", c.contact_notes AS "contactNotes", c.key_dates AS "keyDates",
       c.next_follow_up_at AS "nextFollowUpAt", c.last_note_at AS "lastNoteAt", c.priority_score AS "priorityScore",
       c.priority_level AS "priorityLevel", c.priority_reasons AS "priorityReasons", c.priority_computed_at AS "priorityComputedAt",
       c.created_by AS "createdBy", c.client_mutation_id AS "clientMutationId",
       c.client_mutation_fingerprint AS "clientMutationFingerprint", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

const CLIENTS_BY_ID = preparedRead<ClientRow, [string[]]>(
  'clients.clients-by-id',
  `SELECT ${CLIENT_COLUMNS} FROM clients.client c WHERE c.id = ANY($1::uuid[])`,
);

/** The clients of these ids (each at most once, in no order): the request's client loader, on every Client reference. */
export const clientsByIds = (dataSource: DataSource, ids: readonly string[]) => runPrepared(dataSource, CLIENTS_BY_ID, [[...ids]]);

/**
 * Whose caseload, as the statements' first three parameters: the case
 * manager; the agency it must be in (supervisors), or null; the statuses
 * asked for, or null for all.
 */
export interface CaseloadScope {
  owner: string;
  organizationId: string | null;
  statuses: ClientStatus[] | null;
}

/** The caseload's filter. The optional parts are filters on the index scan of client_caseload_idx (owner, score DESC, id). */
const CASELOAD_WHERE = `c.assigned_case_manager_id = $1
      AND ($2::uuid IS NULL OR c.organization_id = $2)
      AND ($3::text[] IS NULL OR c.status = ANY($3))`;

/** A row of the page, with the caseload's count when it was asked for (the same on every row). */
type CaseloadRow = ClientRow & { total: number | null };

/**
 * The page, and with $7 the caseload's count: an uncorrelated scalar
 * subquery, so PostgreSQL runs it once (an InitPlan, on the same index) and
 * only when $7 is true.
 */
const CASELOAD_PAGE = preparedRead<
  CaseloadRow,
  [string, string | null, ClientStatus[] | null, number | null, string | null, number, boolean]
>(
  'clients.caseload-page',
  `SELECT ${CLIENT_COLUMNS},
          CASE WHEN $7::boolean THEN (SELECT count(*)::int FROM clients.client c WHERE ${CASELOAD_WHERE}) END AS total
     FROM clients.client c
    WHERE ${CASELOAD_WHERE}
      AND ($4::int IS NULL OR c.priority_score < $4 OR (c.priority_score = $4 AND c.id > $5::uuid))
    ORDER BY c.priority_score DESC, c.id
    LIMIT $6`,
);

const CASELOAD_COUNT = preparedRead<{ n: number }, [string, string | null, ClientStatus[] | null]>(
  'clients.caseload-count',
  `SELECT count(*)::int AS n FROM clients.client c WHERE ${CASELOAD_WHERE}`,
);

/** The client's own columns of a page row (without the count). */
function clientOfPageRow(found: CaseloadRow): ClientRow {
  const { total: _total, ...row } = found;
  return row;
}

export interface CaseloadPage {
  rows: ClientRow[];
  /** Null when not asked for. */
  totalCount: number | null;
}

/**
 * Up to `limit` clients of a caseload, most urgent first, after the cursor
 * (score, id) when there is one; and, when `withCount`, how many clients the
 * caseload holds, read with the page. Only a page past the end of the
 * caseload (no row to carry the count) needs a second statement for it.
 */
export async function caseloadPage(
  dataSource: DataSource,
  scope: CaseloadScope,
  after: [number, string] | null,
  limit: number,
  withCount: boolean,
): Promise<CaseloadPage> {
  const { owner, organizationId, statuses } = scope;
  const found = await runPrepared(dataSource, CASELOAD_PAGE, [
    owner,
    organizationId,
    statuses,
    after?.[0] ?? null,
    after?.[1] ?? null,
    limit,
    withCount,
  ]);
  const rows = found.map(clientOfPageRow);
  if (!withCount) return { rows, totalCount: null };
  if (found.length > 0) return { rows, totalCount: found[0].total as number };
  // No row: without a cursor the caseload is empty; after one, it is counted on its own.
  const totalCount = after ? (await runPrepared(dataSource, CASELOAD_COUNT, [owner, organizationId, statuses]))[0].n : 0;
  return { rows, totalCount };
}
