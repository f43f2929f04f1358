/**
 * The documents' internal route: POST to upload, GET /<id> to download. The
 * gateway passes `POST /documents` and `GET /documents/<id>` here, streaming.
 */
import type { DataSource } from 'typeorm';
import { DOCUMENTS_PATH } from '@caseflow/auth';
import { AppError, type Logger } from '@caseflow/core';
import type { InternalStreamRoute } from '@caseflow/federation';
import { type DocumentStore, PostgresDocumentStore } from './document-store';
import { sendDownload } from './document.download';
import { drain, sendFailure } from './document.http';
import { loadDocumentSettings, type S3DocumentSettings } from './document.settings';
import { receiveUpload } from './document.upload';
import { S3DocumentStore } from './s3-store';

/** The store the settings choose: S3 when a bucket is configured, else PostgreSQL. */
export function createDocumentStore(settings: S3DocumentSettings | null = loadDocumentSettings()): DocumentStore {
  return settings ? new S3DocumentStore(settings) : new PostgresDocumentStore();
}

export function documentsRoute(dataSource: DataSource, store: DocumentStore, logger?: Logger): InternalStreamRoute {
  return async (request, response, url, caller) => {
    if (request.method === 'POST' && url.pathname === DOCUMENTS_PATH) return receiveUpload(dataSource, store, request, response, caller);
    const id = new RegExp(`^${DOCUMENTS_PATH}/([^/]+)$`).exec(url.pathname)?.[1];
    if (request.method === 'GET' && id) return sendDownload(dataSource, store, id, response, caller, logger);
    await drain(request);
    sendFailure(response, new AppError('NOT_FOUND', 'There is nothing at this path'), caller.requestId);
  };
}
