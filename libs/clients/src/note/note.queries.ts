/**
 * Case notes as read: a sensitive note is shown only to its author and to
 * supervisors; everyone else gets the list without it, and a total that does
 * not count it (the predicate is in every statement: note.sql.ts).
 */
import type { AuditTrail } from '@caseflow/audit';
import { decodeCursor, pageSize } from '@caseflow/db';
import { requireCaseNotes } from '../client/client.policy';
import type { Client } from '../client/client.type';
import type { ClientsLoaders } from '../loaders';
import { toNote } from './note.mapper';
import { NOTE_CURSOR } from './note.sql';
import type { CaseNote, CaseNoteConnection } from './note.type';

export class NoteQueries {
  constructor(
    private readonly loaders: ClientsLoaders,
    private readonly audit: AuditTrail,
  ) {}

  /** A page of a client's notes, newest first; pages of many clients with the same arguments load together. */
  async page(client: Client, first: number | null | undefined, after: string | null | undefined): Promise<CaseNoteConnection> {
    requireCaseNotes(client);
    const size = pageSize(first, 20);
    decodeCursor(after, NOTE_CURSOR);
    const connection = await this.loaders.notePages.load({ clientId: client.id, first: size, after: after || null });
    this.audit.noteReads(
      'CaseNote',
      connection.edges.map((edge) => edge.node),
      client.id,
    );
    return connection;
  }

  async amendments(note: CaseNote): Promise<CaseNote[]> {
    return (await this.loaders.noteAmendments.load(note.id)).map(toNote);
  }

  async amends(note: CaseNote): Promise<CaseNote | null> {
    if (!note.amendsId) return null;
    const row = await this.loaders.note.load(note.amendsId);
    return row ? toNote(row) : null;
  }

  /** For `__resolveReference`: a note the caller may see (case access or consent, and the sensitivity rule), else null. */
  async reference(id: string, canSeeClient: (clientId: string) => Promise<boolean>): Promise<CaseNote | null> {
    const row = await this.loaders.note.load(id);
    if (!row || !(await canSeeClient(row.client_id))) return null;
    this.audit.note({ action: 'READ', entityType: 'CaseNote', entityId: row.id, clientId: row.client_id });
    return toNote(row);
  }
}
