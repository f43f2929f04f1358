import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DOCUMENT_KINDS = ['IDENTIFICATION', 'SIGNED_CONSENT', 'ASSESSMENT_REPORT', 'RESUME', 'LETTER', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

export type DocumentStorage = 'postgres' | 's3';

/** A client's document (its metadata; the content is in its store). Read and written with the statements of document.sql.ts. */
@Entity({ name: 'document' })
export class DocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: DocumentContentType;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  storage: DocumentStorage;

  @Column({ name: 'consent_id', type: 'uuid', nullable: true })
  consentId: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
