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

const CASELOAD_PAGE = preparedRead<ClientRow, [string, string | null, ClientStatus[] | null, number | null, string | null, number]>(
  'clients.caseload-page',
  `SELECT ${CLIENT_COLUMNS}
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

/** Up to `limit` clients of a caseload, most urgent first, after the cursor (score, id) when there is one. */
export const caseloadPage = (dataSource: DataSource, scope: CaseloadScope, after: [number, string] | null, limit: number) =>
  runPrepared(dataSource, CASELOAD_PAGE, [
    scope.owner,
    scope.organizationId,
    scope.statuses,
    after?.[0] ?? null,
    after?.[1] ?? null,
    limit,
  ]);

/** How many clients the caseload holds (whatever the page). */
export async function caseloadCount(dataSource: DataSource, scope: CaseloadScope): Promise<number> {
  const [row] = await runPrepared(dataSource, CASELOAD_COUNT, [scope.owner, scope.organizationId, scope.statuses]);
  return row.n;
}
