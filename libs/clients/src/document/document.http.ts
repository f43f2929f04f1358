/** How the documents' internal routes answer: JSON with the GraphQL error shape, the field named. */
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@caseflow/core';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, UNAVAILABLE: 503 };

/** A refusal with an HTTP status of its own (413, 415), naming the field. */
export function refusal(status: number, field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', `${field} ${message}`, { field, status });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

/** The answer to a failed request: an AppError as its status and code (with its field); anything else is rethrown. */
export function sendFailure(response: ServerResponse, error: unknown, requestId: string): void {
  if (!(error instanceof AppError)) throw error;
  const field = typeof error.details.field === 'string' ? error.details.field : undefined;
  const status = typeof error.details.status === 'number' ? error.details.status : (STATUS[error.code] ?? 500);
  sendJson(response, status, {
    errors: [{ message: error.message, extensions: { code: error.code, requestId, ...(field ? { field } : {}) } }],
  });
}

/** Reads and drops what is left of the request, so that its sender gets the answer. */
export async function drain(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return;
  request.resume();
  await Promise.race([once(request, 'end'), once(request, 'close')]).catch(() => undefined);
}
