import type { NoteRow } from './note.sql';
import type { CaseNote } from './note.type';

export function toNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    clientId: row.client_id,
    authorId: row.author_id,
    occurredAt: row.occurred_at,
    contactType: row.contact_type,
    body: row.body,
    sensitive: row.sensitive,
    amendsId: row.amends_id,
    createdAt: row.created_at,
  };
}
