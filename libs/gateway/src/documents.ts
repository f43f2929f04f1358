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
import type { ClientRequest, IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { DOCUMENTS_PATH, DOCUMENTS_PUBLIC_PATH, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_FORM_OVERHEAD } from '@caseflow/auth';
import { AppError } from '@caseflow/core';
import type { StreamRoute } from '@caseflow/federation';
import { clientsPassThrough, drain, type PassThroughOptions, sendError } from './pass-through';

const MAX_UPLOAD_BODY = MAX_DOCUMENT_BYTES + MAX_DOCUMENT_FORM_OVERHEAD;
/** The answer headers passed back from the clients subgraph. */
const PASSED_BACK = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-document-sha256'];

export type DocumentsPassThroughOptions = PassThroughOptions;

class TooLarge extends Error {}

const tooLarge = () => new AppError('BAD_USER_INPUT', `file must be at most ${MAX_DOCUMENT_BYTES} bytes (10 MB)`, { field: 'file' });

export function documentsPassThrough(options: DocumentsPassThroughOptions): StreamRoute {
  return clientsPassThrough(options, async ({ request, response, url, requestId, refuse, authenticate, forward }) => {
    const upload = request.method === 'POST' && url.pathname === DOCUMENTS_PUBLIC_PATH;
    // Only an id can name a document: anything else is not found here, and goes nowhere.
    const id = /^\/documents\/([0-9A-Fa-f-]{36})$/.exec(url.pathname)?.[1];
    if (!upload && !(request.method === 'GET' && id)) return refuse(new AppError('NOT_FOUND', 'There is nothing at this path'), 404);
    const actor = await authenticate();
    if (!actor) return;
    if (upload && Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BODY) return refuse(tooLarge(), 413);
    const headers: Record<string, string> = {};
    for (const name of upload ? ['content-type', 'content-length'] : []) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const path = upload ? DOCUMENTS_PATH : `${DOCUMENTS_PATH}/${id}`;
    const forwarding = {
      method: upload ? ('POST' as const) : ('GET' as const),
      passedBack: PASSED_BACK,
      sendBody: upload ? (outgoing: ClientRequest) => sendBody(request, outgoing) : undefined,
      onFailure: async (error: unknown, outgoing: ClientRequest) => {
        if (!(error instanceof TooLarge)) return false;
        outgoing.destroy();
        await drain(request);
        sendError(response, tooLarge(), 413, requestId);
        return true;
      },
      label: 'documents',
      unavailableMessage: 'Documents are unavailable (the clients service); retry later',
    };
    await forward(actor, path, forwarding, headers);
  });
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
