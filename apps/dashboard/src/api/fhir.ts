/**
 * The FHIR export of one client: `GET /fhir/Patient/<id>/$everything` through
 * the gateway, with the session's bearer token in the Authorization header
 * (never in the address), answered with a FHIR R4 Bundle as JSON. The page
 * saves it as a file.
 */
import { answerOf } from './documents';

export type ExportResult = { ok: true; blob: Blob } | { ok: false; status: number; message: string; unauthenticated?: boolean };

export async function exportFhirBundle(fetchFn: typeof fetch, token: string, path: string): Promise<ExportResult> {
  const response = await fetchFn(path, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/fhir+json, application/json' },
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const answer = answerOf(response.status, text);
    const message =
      response.status === 403
        ? 'You may not export this client’s record.'
        : response.status === 404
          ? 'The client was not found, or the export is not available on this server.'
          : answer.ok
            ? `The server refused the export (${response.status}).`
            : answer.message;
    return { ok: false, status: response.status, message, unauthenticated: response.status === 401 };
  }
  const body = await response.text();
  return { ok: true, blob: new Blob([body], { type: 'application/fhir+json' }) };
}
