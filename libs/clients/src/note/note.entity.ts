import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONTACT_TYPES = ['IN_PERSON', 'PHONE', 'EMAIL', 'TEXT', 'VIDEO', 'HOME_VISIT', 'OTHER'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** A case note. Never updated or deleted (the database refuses it): a correction is a new note that amends this one. */
@Entity({ name: 'case_note' })
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'contact_type', type: 'text' })
  contactType: ContactType;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'boolean' })
  sensitive: boolean;

  @Column({ name: 'amends_id', type: 'uuid', nullable: true })
  amendsId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
