import { DOCUMENTS_PUBLIC_PATH } from '@caseflow/auth';
import type { DocumentRow } from './document.sql';
import type { ClientDocument } from './document.type';

export function toDocument(row: DocumentRow): ClientDocument {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
    downloadPath: `${DOCUMENTS_PUBLIC_PATH}/${row.id}`,
    clientId: row.client_id,
    uploadedById: row.uploaded_by,
    consentId: row.consent_id,
  };
}
