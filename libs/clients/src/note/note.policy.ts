/** Who may see and amend a sensitive note: its author and supervisors only. Pure. */
import type { Actor } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';
import type { NoteReader } from './note.sql';

/** The reader every note read is filtered for (the predicate is in the SQL: note.sql.ts). */
export function noteReader(actor: Actor): NoteReader {
  return { staffId: actor.staffId, supervisor: actor.role === 'SUPERVISOR' };
}

export function checkMayAmend(actor: Actor, original: { sensitive: boolean; authorId: string }): void {
  if (original.sensitive && original.authorId !== actor.staffId && actor.role !== 'SUPERVISOR') {
    throw forbidden('Only its author or a supervisor may amend a sensitive note');
  }
}
