/**
 * POST /internal/documents — an upload, passed on by the gateway from `POST
 * /documents` (multipart/form-data: `clientId`, `kind`, `title`, optional
 * `consentId`, then `file`). Parsed as it arrives by busboy: the fields are
 * checked and write access decided (the one access rule) before the file's
 * first byte is stored; the type comes from its first bytes; the content is
 * hashed and counted on its way to the store, and passing 10 MB stops the
 * upload at once (413) with its transaction rolled back, so nothing stays.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import { MAX_DOCUMENT_BYTES, type InternalIdentity } from '@caseflow/auth';
import { AppError, badInput, forbidden, notFound, oneOf, optionalUuid, requiredText, uuid } from '@caseflow/core';
import { decideGrants } from '../access/access.route';
import type { DocumentStore } from './document-store';
import { DOCUMENT_KINDS, type DocumentKind } from './document.entity';
import { drain, refusal, sendFailure, sendJson } from './document.http';
import { toDocument } from './document.mapper';
import { consentClient, type DocumentRow, insertDocument } from './document.sql';
import { MAGIC_BYTES, sniffContentType } from './magic-bytes';

export const TITLE_MAX = 200;

interface UploadForm {
  clientId: string;
  kind: DocumentKind;
  title: string;
  consentId: string | null;
}

/** The JSON of a stored document, as the upload answers it: the document as the API shows it, without the client and uploader. */
export function documentJson(row: DocumentRow) {
  const { id, kind, title, contentType, sizeBytes, sha256, uploadedAt, consentId, downloadPath } = toDocument(row);
  return { id, kind, title, contentType, sizeBytes, sha256, uploadedAt: uploadedAt.toISOString(), consentId, downloadPath };
}

/** The form's fields, checked; each problem names its field. */
export function checkForm(fields: Readonly<Record<string, string>>): UploadForm {
  const clientId = uuid('clientId', fields.clientId);
  const kind = oneOf('kind', fields.kind, DOCUMENT_KINDS);
  const title = requiredText('title', fields.title, { max: TITLE_MAX });
  const consentId = optionalUuid('consentId', fields.consentId || null);
  if (consentId && kind !== 'SIGNED_CONSENT') throw badInput('consentId', 'is only for a document of kind SIGNED_CONSENT');
  return { clientId, kind, title, consentId };
}

export async function receiveUpload(
  dataSource: DataSource,
  store: DocumentStore,
  request: IncomingMessage,
  response: ServerResponse,
  caller: InternalIdentity,
): Promise<void> {
  const audit = new AuditTrail('clients', caller.actor, caller.requestId);
  try {
    const row = await parse(request, (fields, file, reader) => storeFile(dataSource, store, audit, caller, fields, file, reader));
    await drain(request);
    sendJson(response, 201, documentJson(row));
  } catch (error) {
    await drain(request);
    sendFailure(response, error, caller.requestId);
  }
}

type FilePart = Readable & { truncated?: boolean };
type FileHandler = (fields: Readonly<Record<string, string>>, file: FilePart, reader: AsyncIterator<Buffer>) => Promise<DocumentRow>;

/** Reads what is left of a file part and drops it, so that the form goes on to its end. */
async function discard(reader: AsyncIterator<Buffer>): Promise<void> {
  try {
    for (let next = await reader.next(); !next.done; next = await reader.next());
  } catch {
    // The part failed (the request was aborted): nothing is left to read.
  }
}

/** Runs the multipart form through busboy; the file part goes to `onFile` with the fields sent before it. */
function parse(request: IncomingMessage, onFile: FileHandler): Promise<DocumentRow> {
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
    return Promise.reject(refusal(415, 'file', 'must be sent as multipart/form-data'));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 8, fieldSize: 4096, parts: 10 },
    });
  } catch {
    return Promise.reject(badInput('file', 'must be sent as multipart/form-data with a boundary'));
  }
  return new Promise<DocumentRow>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let work: Promise<DocumentRow> | null = null;
    let current: FilePart | null = null;
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, file) => {
      if (name !== 'file' || work) {
        file.resume();
        return;
      }
      current = file;
      const reader = file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      work = onFile({ ...fields }, file, reader).finally(() => discard(reader));
      // Settled below, once the form is read to its end.
      work.catch(() => undefined);
    });
    const fail = (error: unknown) => {
      const failure = error instanceof AppError ? error : badInput('file', 'is not a well-formed multipart/form-data body');
      request.unpipe(parser);
      // The file being stored stops with the error: its transaction rolls back and nothing of it stays.
      if (current && !current.destroyed) current.destroy(failure);
      // Answered once the file's transaction has ended, so that the answer never precedes the rollback.
      void (work ?? Promise.resolve()).catch(() => undefined).then(() => reject(failure));
    };
    parser.on('error', fail);
    request.on('error', fail);
    request.on('close', () => {
      if (!request.readableEnded) fail(badInput('file', 'was not sent to its end (the upload was interrupted)'));
    });
    parser.on('close', () => {
      if (!work) return reject(badInput('file', 'is required (the form part named "file", after the other fields)'));
      work.then(resolve, reject);
    });
    request.pipe(parser);
  });
}

async function storeFile(
  dataSource: DataSource,
  store: DocumentStore,
  audit: AuditTrail,
  caller: InternalIdentity,
  fields: Readonly<Record<string, string>>,
  file: FilePart,
  reader: AsyncIterator<Buffer>,
): Promise<DocumentRow> {
  const form = checkForm(fields);
  const [grant] = await decideGrants(dataSource, caller.actor, [form.clientId]);
  if (!grant.write) {
    if (grant.exists) {
      await audit.write(dataSource.manager, { action: 'CREATE', entityType: 'ClientDocument', clientId: form.clientId, outcome: 'DENIED' });
      throw forbidden("You may not add documents to this client's record");
    }
    throw notFound('Client', form.clientId);
  }
  if (form.consentId && (await consentClient(dataSource.manager, form.consentId)) !== form.clientId) {
    throw badInput('consentId', 'must be a consent of the same client');
  }

  const firsts: Buffer[] = [];
  let head = Buffer.alloc(0);
  while (head.length < MAGIC_BYTES) {
    const next = await reader.next();
    if (next.done) break;
    firsts.push(next.value);
    head = Buffer.concat(firsts);
  }
  if (head.length === 0) throw badInput('file', 'is empty');
  const contentType = sniffContentType(head);
  if (!contentType) throw refusal(415, 'file', 'must be a PDF, PNG or JPEG document (decided from its content, not its name)');

  const hash = createHash('sha256');
  let size = 0;
  const tooLarge = () => refusal(413, 'file', `must be at most ${MAX_DOCUMENT_BYTES} bytes (10 MB)`);
  async function* content(): AsyncIterable<Buffer> {
    for (let piece: Buffer | undefined = head; piece;) {
      size += piece.length;
      if (size > MAX_DOCUMENT_BYTES) throw tooLarge();
      hash.update(piece);
      yield piece;
      const next = await reader.next();
      piece = next.done ? undefined : next.value;
    }
    // busboy stops the file at the limit and marks it truncated: the rest is never read into memory.
    if (file.truncated) throw tooLarge();
  }

  const id = randomUUID();
  return dataSource.transaction(async (tx) => {
    await store.put(tx, id, content());
    const row = await insertDocument(tx, {
      id,
      client_id: form.clientId,
      kind: form.kind,
      title: form.title,
      content_type: contentType,
      size_bytes: size,
      sha256: hash.digest('hex'),
      storage: store.name,
      consent_id: form.consentId,
      uploaded_by: caller.actor.staffId,
    });
    // The audit event names the document and its kind, never its title or content.
    await audit.write(tx, { action: 'CREATE', entityType: 'ClientDocument', entityId: id, clientId: form.clientId, detail: form.kind });
    return row;
  });
}
