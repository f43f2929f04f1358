/**
 * Documents go around GraphQL: `POST /documents` (multipart: clientId, kind,
 * title, optional consentId, then the file) and `GET <downloadPath>`, both
 * with the session's bearer token in the Authorization header — never in a
 * URL. Uploads go through XMLHttpRequest for its upload progress events
 * (fetch has none); the request is given as a factory so that tests can
 * stand in for the network.
 */

/** The gateway refuses larger files with 413; the form says so before sending. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';

export interface UploadFields {
  clientId: string;
  kind: string;
  title: string;
  consentId?: string | null;
}

/** The part of XMLHttpRequest an upload uses. */
export interface UploadRequest {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

export type UploadResult =
  { ok: true; status: number; body: unknown } | { ok: false; status: number; message: string; field?: string; unauthenticated?: boolean };

/** A file's problem before it is sent (empty or over the limit), or undefined. */
export function fileProblem(file: { size: number } | null | undefined): string | undefined {
  if (!file) return 'Choose a file.';
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_DOCUMENT_BYTES) return 'The file is larger than 10 MB. Scan it at a lower resolution or split it.';
  return undefined;
}

/** What the gateway's answer to an upload (or a download) means for the person. */
export function answerOf(status: number, text: string): UploadResult {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (status >= 200 && status < 300) return { ok: true, status, body };
  // The gateway answers a refusal as GraphQL does: { errors: [{ message: 'title must not be empty', extensions: { code, field } }] }.
  const first = (body as { errors?: Array<{ message?: string; extensions?: { field?: unknown } }> } | null)?.errors?.[0];
  const field = typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined;
  const raw = first?.message;
  const serverMessage =
    raw && field && raw.startsWith(`${field} `) ? sentence(raw.slice(field.length + 1)) : raw ? sentence(raw) : undefined;
  switch (status) {
    case 401:
      return { ok: false, status, message: 'Your session has ended. Sign in again.', unauthenticated: true };
    case 403:
      return { ok: false, status, message: 'You may not add documents to this client’s file.' };
    case 404:
      return { ok: false, status, message: 'The client or the document was not found.' };
    case 413:
      return { ok: false, status, message: 'The file is larger than 10 MB. Scan it at a lower resolution or split it.', field: 'file' };
    case 415:
      return { ok: false, status, message: 'Only PDF, PNG and JPEG files can be uploaded; this file is none of them.', field: 'file' };
    case 0:
      return { ok: false, status, message: 'The upload did not reach the server. Check the connection and try again.' };
    default:
      return { ok: false, status, message: serverMessage ?? `The server refused the file (${status}).`, field };
  }
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** Sends a document with its fields; `onProgress` gets the fraction sent (0 to 1). */
export function uploadDocument(options: {
  request: UploadRequest;
  token: string;
  fields: UploadFields;
  file: Blob & { name?: string };
  onProgress?(fraction: number): void;
  url?: string;
}): Promise<UploadResult> {
  const { request, token, fields, file, onProgress, url = '/documents' } = options;
  const body = new FormData();
  body.append('clientId', fields.clientId);
  body.append('kind', fields.kind);
  body.append('title', fields.title.trim());
  if (fields.consentId) body.append('consentId', fields.consentId);
  // The file goes last, so that the gateway has every field before the bytes.
  body.append('file', file, file.name ?? 'document');
  return new Promise((resolve) => {
    request.open('POST', url);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(1, event.loaded / event.total));
    };
    request.onload = () => resolve(answerOf(request.status, request.responseText));
    request.onerror = () => resolve(answerOf(0, ''));
    request.onabort = () => resolve({ ok: false, status: 0, message: 'The upload was cancelled.' });
    request.send(body);
  });
}

/** Fetches a document with the bearer token; the bytes come back as a Blob for an object URL. */
export async function downloadDocument(
  fetchFn: typeof fetch,
  token: string,
  path: string,
): Promise<{ ok: true; blob: Blob } | { ok: false; status: number; message: string; unauthenticated?: boolean }> {
  const response = await fetchFn(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const answer = answerOf(response.status, await response.text().catch(() => ''));
    if (answer.ok) throw new Error('unreachable');
    const message =
      response.status === 403
        ? 'You may not open this document.'
        : response.status === 404
          ? 'The document was not found.'
          : answer.message;
    return { ok: false, status: response.status, message, unauthenticated: answer.unauthenticated };
  }
  return { ok: true, blob: await response.blob() };
}
