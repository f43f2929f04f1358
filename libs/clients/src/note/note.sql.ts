/**
 * The hand-written statements of case notes: the visibility predicate of
 * sensitive notes is in every read, and a page of many clients' notes is one
 * lateral join.
 */
import type { CursorPart } from '@caseflow/db';
import type { SqlRunner } from '../shared/sql';
import type { CaseNote } from './note.type';

export interface NoteRow {
  id: string;
  client_id: string;
  author_id: string;
  occurred_at: Date;
  contact_type: CaseNote['contactType'];
  body: string;
  sensitive: boolean;
  amends_id: string | null;
  created_at: Date;
}

/** Who is reading: a sensitive note is visible to its author and to supervisors only. */
export interface NoteReader {
  staffId: string;
  supervisor: boolean;
}

const COLUMNS = 'n.id, n.client_id, n.author_id, n.occurred_at, n.contact_type, n.body, n.sensitive, n.amends_id, n.created_at';
/** `$2`, `$3`: the reader. */
const VISIBLE = `(NOT n.sensitive OR n.author_id = $2 OR $3)`;
const readerParams = (r: NoteReader) => [r.staffId, r.supervisor];

const BY_ID_SQL = `SELECT ${COLUMNS} FROM clients.case_note n WHERE n.id = ANY($1::uuid[]) AND ${VISIBLE}`;
export const notesById = (db: SqlRunner, ids: readonly string[], reader: NoteReader) =>
  db.query<NoteRow[]>(BY_ID_SQL, [ids, ...readerParams(reader)]);

const AMENDMENTS_SQL = `SELECT ${COLUMNS} FROM clients.case_note n WHERE n.amends_id = ANY($1::uuid[]) AND ${VISIBLE} ORDER BY n.created_at, n.id`;
export const amendmentsOf = (db: SqlRunner, ids: readonly string[], reader: NoteReader) =>
  db.query<NoteRow[]>(AMENDMENTS_SQL, [ids, ...readerParams(reader)]);

/** A page of notes is keyed by (occurred_at, id). */
export const NOTE_CURSOR: readonly CursorPart[] = ['timestamp', 'uuid'];

const pageSql = (after: boolean) => `SELECT ${COLUMNS} FROM unnest($1::uuid[]) AS k(client_id)
         CROSS JOIN LATERAL (
           SELECT * FROM clients.case_note n
            WHERE n.client_id = k.client_id AND ${VISIBLE}
              ${after ? 'AND (n.occurred_at, n.id) < ($5::timestamptz, $6::uuid)' : ''}
            ORDER BY n.occurred_at DESC, n.id DESC LIMIT $4) n`;
const PAGE_SQL = pageSql(false);
const PAGE_AFTER_SQL = pageSql(true);

export interface NotePageParams {
  clientIds: string[];
  /** Rows to read per client (the page size plus one, to know whether there is a next page). */
  limit: number;
  /** The (occurred_at, id) of the last note of the previous page. */
  after: [string, string] | null;
}

/** Up to `limit` notes of each client, newest first, after the cursor: one statement for every client. */
export const notePages = (db: SqlRunner, p: NotePageParams, reader: NoteReader) =>
  db.query<NoteRow[]>(p.after ? PAGE_AFTER_SQL : PAGE_SQL, [p.clientIds, ...readerParams(reader), p.limit, ...(p.after ?? [])]);

const COUNTS_SQL = `SELECT n.client_id, count(*)::int AS n FROM clients.case_note n WHERE n.client_id = ANY($1::uuid[]) AND ${VISIBLE} GROUP BY n.client_id`;
/** How many notes of each client the reader may see. */
export const noteCounts = (db: SqlRunner, clientIds: string[], reader: NoteReader) =>
  db.query<Array<{ client_id: string; n: number }>>(COUNTS_SQL, [clientIds, ...readerParams(reader)]);

export interface NewNote {
  clientId: string;
  authorId: string;
  occurredAt: Date;
  contactType: CaseNote['contactType'];
  body: string;
  sensitive: boolean;
  amendsId: string | null;
}

const INSERT_SQL = `INSERT INTO clients.case_note AS n (client_id, author_id, occurred_at, contact_type, body, sensitive, amends_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`;
export const insertNote = (db: SqlRunner, note: NewNote) =>
  db.query<NoteRow[]>(INSERT_SQL, [
    note.clientId,
    note.authorId,
    note.occurredAt,
    note.contactType,
    note.body,
    note.sensitive,
    note.amendsId,
  ]);

const TOUCH_LAST_NOTE_SQL = 'UPDATE clients.client SET last_note_at = greatest(coalesce(last_note_at, $2), $2) WHERE id = $1';
/** Moves the client's last contact forward to `at` (never back). */
export const touchLastNote = (db: SqlRunner, clientId: string, at: Date) => db.query(TOUCH_LAST_NOTE_SQL, [clientId, at]);
