/**
 * The documents' channel. Callers upload with `POST /documents` (multipart)
 * and download with `GET /documents/<id>` on the gateway, with their bearer
 * token; the gateway streams each on to the clients subgraph's internal
 * route under the internal token, which decides access and stores the bytes.
 */

/** The public path prefix on the gateway. */
export const DOCUMENTS_PUBLIC_PATH = '/documents';
/** The clients subgraph's internal route prefix (POST to upload, GET /<id> to download). */
export const DOCUMENTS_PATH = '/internal/documents';
/** The largest document accepted: 10 MB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Room for the multipart framing and the form's fields around the file. */
export const MAX_DOCUMENT_FORM_OVERHEAD = 64 * 1024;

/**
 * The FHIR R4 export: `GET /fhir/Patient/<clientId>/$everything` on the
 * gateway, passed on under the internal token to the clients subgraph's
 * internal route of the same shape under FHIR_PATH, which decides access.
 */
export const FHIR_PUBLIC_PATH = '/fhir';
/** The clients subgraph's internal FHIR route prefix (GET /Patient/<clientId>/$everything). */
export const FHIR_PATH = '/internal/fhir';
/** The media type of a FHIR JSON answer. */
export const FHIR_JSON = 'application/fhir+json';
