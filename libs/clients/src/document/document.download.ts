/**
 * GET /internal/documents/<id> — a download, passed on by the gateway from
 * `GET /documents/<id>`. Only a caller with the whole client record (the one
 * access rule's write grant: the assigned case manager, the agency's
 * supervisors) gets it; anyone else, partners included, gets the same 404 as
 * for a document that does not exist. Every download is audited before the
 * first byte is sent: when the event cannot be written, the download is
 * refused (503), as a GraphQL answer is withheld.
 */
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@caseflow/audit';
import type { InternalIdentity } from '@caseflow/auth';
import { AppError, isUuid, type Logger } from '@caseflow/core';
import { decideGrants } from '../access/access.route';
import type { DocumentStore } from './document-store';
import type { DocumentContentType } from './document.entity';
import { sendFailure } from './document.http';
import { documentById } from './document.sql';

const EXTENSIONS: Record<DocumentContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A file name safe in a header and on any file system: the title's letters, digits, dots, dashes and underscores, and the type's extension. */
export function safeFileName(title: string, contentType: DocumentContentType): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._ -]+/g, '')
    .replace(/\s+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80);
  return `${base || 'document'}.${EXTENSIONS[contentType]}`;
}

const NOT_FOUND = new AppError('NOT_FOUND', 'There is no document at this address that you may open');

export async function sendDownload(
  dataSource: DataSource,
  store: DocumentStore,
  id: string,
  response: ServerResponse,
  caller: InternalIdentity,
  logger?: Logger,
): Promise<void> {
  const audit = new AuditTrail('clients', caller.actor, caller.requestId);
  const row = isUuid(id) ? await documentById(dataSource.manager, id.toLowerCase()) : null;
  const [grant] = row ? await decideGrants(dataSource, caller.actor, [row.client_id]) : [null];
  if (!row || !grant?.write) {
    if (row) {
      await audit
        .write(dataSource.manager, {
          action: 'READ',
          entityType: 'ClientDocument',
          entityId: row.id,
          clientId: row.client_id,
          outcome: 'DENIED',
        })
        .catch(() => undefined);
    }
    return sendFailure(response, NOT_FOUND, caller.requestId);
  }
  try {
    await audit.write(dataSource.manager, { action: 'READ', entityType: 'ClientDocument', entityId: row.id, clientId: row.client_id });
  } catch (error) {
    logger?.error('document download not audited', { requestId: caller.requestId });
    return sendFailure(
      response,
      error instanceof AppError
        ? new AppError('UNAVAILABLE', 'This download could not be recorded in the audit trail, so it is refused; retry later')
        : error,
      caller.requestId,
    );
  }
  response.writeHead(200, {
    'content-type': row.content_type,
    'content-length': String(row.size_bytes),
    'content-disposition': `attachment; filename="${safeFileName(row.title, row.content_type)}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'x-document-sha256': row.sha256,
  });
  await pipeline(Readable.from(store.get(dataSource.manager, row.id)), response);
}
