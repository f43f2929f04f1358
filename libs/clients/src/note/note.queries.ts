/**
 * Case notes as read: a sensitive note is shown only to its author and to
 * supervisors; everyone else gets the list without it, and a total that does
 * not count it (the predicate is in every statement: note.sql.ts).
 */
import { decodeCursor, pageSize } from '@caseflow/db';
import { requireCaseNotes } from '../client/client.policy';
import type { Client } from '../client/client.type';
import { toNote } from './note.mapper';
import { NOTE_CURSOR } from './note.sql';
import type { CaseNote, CaseNoteConnection } from './note.type';
import type { ClientsDeps } from '../deps';

export class NoteQueries {
  constructor(private readonly deps: ClientsDeps) {}

  /** A page of a client's notes, newest first; pages of many clients with the same arguments load together. */
  async page(client: Client, first: number | null | undefined, after: string | null | undefined): Promise<CaseNoteConnection> {
    requireCaseNotes(client);
    const size = pageSize(first, 20);
    decodeCursor(after, NOTE_CURSOR);
    const connection = await this.deps.loaders.notePages.load({ clientId: client.id, first: size, after: after || null });
    this.deps.audit.noteReads(
      'CaseNote',
      connection.edges.map((edge) => edge.node),
      client.id,
    );
    return connection;
  }

  async amendments(note: CaseNote): Promise<CaseNote[]> {
    return (await this.deps.loaders.noteAmendments.load(note.id)).map(toNote);
  }

  async amends(note: CaseNote): Promise<CaseNote | null> {
    if (!note.amendsId) return null;
    const row = await this.deps.loaders.note.load(note.amendsId);
    return row ? toNote(row) : null;
  }

  /** For `__resolveReference`: a note the caller may see (case access or consent, and the sensitivity rule), else null. */
  async reference(id: string, canSeeClient: (clientId: string) => Promise<boolean>): Promise<CaseNote | null> {
    const row = await this.deps.loaders.note.load(id);
    if (!row || !(await canSeeClient(row.client_id))) return null;
    this.deps.audit.note({ action: 'READ', entityType: 'CaseNote', entityId: row.id, clientId: row.client_id });
    return toNote(row);
  }
}
