/**
 * The hand-written statements of documents: their metadata rows and the
 * PostgreSQL store's chunks.
 */
import type { SqlRunner } from '../shared/sql';
import type { DocumentContentType, DocumentKind, DocumentStorage } from './document.entity';

export interface DocumentRow {
  id: string;
  client_id: string;
  kind: DocumentKind;
  title: string;
  content_type: DocumentContentType;
  size_bytes: number;
  sha256: string;
  storage: DocumentStorage;
  consent_id: string | null;
  uploaded_by: string;
  uploaded_at: Date;
}

const COLUMNS = 'id, client_id, kind, title, content_type, size_bytes, sha256, storage, consent_id, uploaded_by, uploaded_at';

const INSERT_SQL = `INSERT INTO clients.document (id, client_id, kind, title, content_type, size_bytes, sha256, storage, consent_id, uploaded_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`;
export const insertDocument = async (db: SqlRunner, d: Omit<DocumentRow, 'uploaded_at'>): Promise<DocumentRow> =>
  (
    await db.query<DocumentRow[]>(INSERT_SQL, [
      d.id,
      d.client_id,
      d.kind,
      d.title,
      d.content_type,
      d.size_bytes,
      d.sha256,
      d.storage,
      d.consent_id,
      d.uploaded_by,
    ])
  )[0];

const BY_ID_SQL = `SELECT ${COLUMNS} FROM clients.document WHERE id = $1`;
export const documentById = async (db: SqlRunner, id: string): Promise<DocumentRow | null> =>
  (await db.query<DocumentRow[]>(BY_ID_SQL, [id]))[0] ?? null;

const LOCK_SQL = `SELECT ${COLUMNS} FROM clients.document WHERE id = $1 FOR UPDATE`;
export const lockDocument = async (db: SqlRunner, id: string): Promise<DocumentRow | null> =>
  (await db.query<DocumentRow[]>(LOCK_SQL, [id]))[0] ?? null;

const OF_CLIENTS_SQL = `SELECT ${COLUMNS} FROM clients.document WHERE client_id = ANY($1::uuid[]) ORDER BY uploaded_at DESC, id DESC`;
/** The documents of these clients, newest first. */
export const documentsOfClients = (db: SqlRunner, clientIds: readonly string[]) => db.query<DocumentRow[]>(OF_CLIENTS_SQL, [clientIds]);

const SIGNED_FORMS_SQL = `SELECT DISTINCT ON (consent_id) ${COLUMNS} FROM clients.document
  WHERE consent_id = ANY($1::uuid[]) ORDER BY consent_id, uploaded_at DESC, id DESC`;
/** The latest signed form of each of these consents. */
export const latestSignedForms = (db: SqlRunner, consentIds: readonly string[]) => db.query<DocumentRow[]>(SIGNED_FORMS_SQL, [consentIds]);

const RETITLE_SQL = `UPDATE clients.document SET title = $2, kind = $3, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`;
export const retitle = async (db: SqlRunner, id: string, title: string, kind: DocumentKind): Promise<DocumentRow> =>
  (await db.query<[DocumentRow[], number]>(RETITLE_SQL, [id, title, kind]))[0][0];

const CONSENT_CLIENT_SQL = 'SELECT client_id FROM clients.consent WHERE id = $1';
/** The client a consent belongs to, or null when there is no such consent. */
export const consentClient = async (db: SqlRunner, consentId: string): Promise<string | null> =>
  (await db.query<{ client_id: string }[]>(CONSENT_CLIENT_SQL, [consentId]))[0]?.client_id ?? null;

const INSERT_CHUNK_SQL = 'INSERT INTO clients.document_chunk (document_id, seq, data) VALUES ($1, $2, $3)';
export const insertChunk = (db: SqlRunner, documentId: string, seq: number, data: Buffer) =>
  db.query(INSERT_CHUNK_SQL, [documentId, seq, data]);

const CHUNK_SQL = 'SELECT data FROM clients.document_chunk WHERE document_id = $1 AND seq = $2';
export const chunk = async (db: SqlRunner, documentId: string, seq: number): Promise<Buffer | null> =>
  (await db.query<{ data: Buffer }[]>(CHUNK_SQL, [documentId, seq]))[0]?.data ?? null;
