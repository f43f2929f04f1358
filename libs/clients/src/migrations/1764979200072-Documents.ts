import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's documents: the metadata (kind, title, checked content type,
 * size, SHA-256, who uploaded it, the consent it is the signed form of) and,
 * for the PostgreSQL store, the content in 256 KB chunks. A chunk refers to
 * its document at commit (the chunks are written before the document row, in
 * the same transaction). Nothing is deleted: the runtime role has no DELETE,
 * and only the title and kind of a document may change.
 */
export class Documents1764979200072 implements MigrationInterface {
  name = 'Documents1764979200072';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.document (
      id uuid PRIMARY KEY,
      client_id uuid NOT NULL REFERENCES clients.client(id),
      kind text NOT NULL CHECK (kind IN ('IDENTIFICATION', 'SIGNED_CONSENT', 'ASSESSMENT_REPORT', 'RESUME', 'LETTER', 'OTHER')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
      size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage text NOT NULL CHECK (storage IN ('postgres', 's3')),
      consent_id uuid REFERENCES clients.consent(id),
      uploaded_by uuid NOT NULL REFERENCES clients.staff_member(id),
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT document_consent_signed CHECK (consent_id IS NULL OR kind = 'SIGNED_CONSENT')
    )`);
    await q.query('CREATE INDEX document_client_uploaded ON clients.document (client_id, uploaded_at DESC, id DESC)');
    await q.query('CREATE INDEX document_consent ON clients.document (consent_id, uploaded_at DESC) WHERE consent_id IS NOT NULL');
    await q.query('CREATE INDEX document_uploaded_by ON clients.document (uploaded_by)');
    await q.query(`CREATE TABLE clients.document_chunk (
      document_id uuid NOT NULL REFERENCES clients.document(id) DEFERRABLE INITIALLY DEFERRED,
      seq integer NOT NULL CHECK (seq >= 0),
      data bytea NOT NULL,
      PRIMARY KEY (document_id, seq)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.document_chunk');
    await q.query('DROP TABLE clients.document');
  }
}
