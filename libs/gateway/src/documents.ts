/**
 * POST /documents and GET /documents/<id> — uploads and downloads of
 * clients' documents, passed through to the clients subgraph, which decides
 * access, checks and stores them. The caller is authenticated exactly as for
 * /graphql (a bearer token, else 401); the request goes on with the internal
 * token and nothing else the caller sent but the body's type and length.
 * Both ways are streamed: the gateway holds no whole file, and its 1 MB
 * GraphQL body limit does not apply here; an upload whose body passes the
 * 10 MB document limit (and the form's room) is refused with 413 at once.
 */
import { randomUUID } from 'node:crypto';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import {
  type Actor,
  DOCUMENTS_PATH,
  DOCUMENTS_PUBLIC_PATH,
  INTERNAL_TOKEN_HEADER,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_FORM_OVERHEAD,
  REQUEST_ID_HEADER,
  signInternalToken,
} from '@caseflow/auth';
import { AppError, createReplicaSet, type Logger, replicaUrls } from '@caseflow/core';
import type { StreamRoute } from '@caseflow/federation';
import { drain, forward, sendError } from './pass-through';

const MAX_UPLOAD_BODY = MAX_DOCUMENT_BYTES + MAX_DOCUMENT_FORM_OVERHEAD;
/** The answer headers passed back from the clients subgraph. */
const PASSED_BACK = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-document-sha256'];

export interface DocumentsPassThroughOptions {
  clientsUrls: string | readonly string[];
  internalSecret: string;
  logger: Logger;
  authenticate: (request: IncomingMessage) => Promise<Actor>;
  /** How long the clients subgraph may stay silent. */
  subgraphTimeoutMs?: number;
}

class TooLarge extends Error {}

export function documentsPassThrough(options: DocumentsPassThroughOptions): StreamRoute {
  const replicas = createReplicaSet(replicaUrls(options.clientsUrls).map((url) => new URL(url).origin));
  return async (request, response, url) => {
    const requestId = randomUUID();
    const refuse = async (error: AppError, status?: number) => {
      await drain(request);
      sendError(response, error, status, requestId);
    };
    const upload = request.method === 'POST' && url.pathname === DOCUMENTS_PUBLIC_PATH;
    // Only an id can name a document: anything else is not found here, and goes nowhere.
    const id = /^\/documents\/([0-9A-Fa-f-]{36})$/.exec(url.pathname)?.[1];
    if (!upload && !(request.method === 'GET' && id)) return refuse(new AppError('NOT_FOUND', 'There is nothing at this path'), 404);
    let actor: Actor;
    try {
      actor = await options.authenticate(request);
    } catch (error) {
      if (error instanceof AppError) return refuse(error);
      throw error;
    }
    if (upload && Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BODY) {
      return refuse(new AppError('BAD_USER_INPUT', `file must be at most ${MAX_DOCUMENT_BYTES} bytes (10 MB)`, { field: 'file' }), 413);
    }
    const base = replicas.order()[0];
    const target = new URL(upload ? DOCUMENTS_PATH : `${DOCUMENTS_PATH}/${id}`, base);
    const headers: Record<string, string> = {
      [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor, requestId }, options.internalSecret),
      [REQUEST_ID_HEADER]: requestId,
    };
    for (const name of upload ? ['content-type', 'content-length'] : []) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    await forwardDocument(options, request, response, target, upload, headers, requestId);
  };
}

/**
 * Streams the upload's body to the clients subgraph, counting: past the
 * limit it stops sending (the subgraph sees the upload cut short and keeps
 * nothing) and rejects with TooLarge. The caller's request is never
 * destroyed here, so that its sender still gets the answer.
 */
function sendBody(request: IncomingMessage, outgoing: ClientRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        done(sent > MAX_UPLOAD_BODY ? new TooLarge() : null, chunk);
      },
    });
    const fail = (error: Error) => {
      request.unpipe(limit);
      limit.unpipe(outgoing);
      reject(error);
    };
    limit.once('error', fail);
    request.once('error', fail);
    outgoing.once('error', fail).once('finish', () => resolve());
    request.pipe(limit).pipe(outgoing);
  });
}

function forwardDocument(
  options: DocumentsPassThroughOptions,
  request: IncomingMessage,
  response: ServerResponse,
  target: URL,
  upload: boolean,
  headers: Record<string, string>,
  requestId: string,
): Promise<void> {
  return forward(options.logger, request, response, {
    method: upload ? 'POST' : 'GET',
    target,
    headers,
    requestId,
    passedBack: PASSED_BACK,
    timeoutMs: options.subgraphTimeoutMs,
    sendBody: upload ? (outgoing) => sendBody(request, outgoing) : undefined,
    onFailure: async (error, outgoing) => {
      if (!(error instanceof TooLarge)) return false;
      outgoing.destroy();
      await drain(request);
      sendError(
        response,
        new AppError('BAD_USER_INPUT', `file must be at most ${MAX_DOCUMENT_BYTES} bytes (10 MB)`, { field: 'file' }),
        413,
        requestId,
      );
      return true;
    },
    label: 'documents',
    unavailableMessage: 'Documents are unavailable (the clients service); retry later',
  });
}
