/**
 * Case notes: append-only (the database refuses updates and deletes), an
 * amendment is a new note pointing at the one it corrects.
 */
import type { Actor } from '@caseflow/auth';
import { badInput, forbidden, requiredText, uuid } from '@caseflow/core';
import { hasCaseAccess } from '../access/access.policy';
import { recomputePriorities } from '../caseload/priority.store';
import { lockClient } from '../client/client.commands';
import { NOTE_MAX, notInFuture } from '../shared/validation';
import { CaseNoteEntity } from './note.entity';
import type { AddCaseNoteInput } from './note.inputs';
import { toNote } from './note.mapper';
import { checkMayAmend } from './note.policy';
import { checkOccurredAfterIntake } from './note.rules';
import { insertNote, touchLastNote } from './note.sql';
import type { CaseNote } from './note.type';
import type { ClientsDeps } from '../deps';

export class NoteCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async add(actor: Actor, input: AddCaseNoteInput): Promise<CaseNote> {
    uuid('input.clientId', input.clientId);
    const body = requiredText('input.body', input.body, { max: NOTE_MAX });
    notInFuture('input.occurredAt', input.occurredAt);
    if (input.amendsNoteId != null) uuid('input.amendsNoteId', input.amendsNoteId);
    const created = await this.deps.dataSource.transaction(async (tx) => {
      const client = await lockClient(tx, input.clientId);
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note({ action: 'CREATE', entityType: 'CaseNote', clientId: client.id, outcome: 'DENIED' });
        throw forbidden("You may not add notes to this client's case");
      }
      checkOccurredAfterIntake(input.occurredAt, client.intakeDate);
      if (input.amendsNoteId) {
        const original = await tx.getRepository(CaseNoteEntity).findOneBy({ id: input.amendsNoteId });
        if (!original || original.clientId !== client.id) throw badInput('input.amendsNoteId', 'must be a note of the same client');
        checkMayAmend(actor, original);
      }
      const [row] = await insertNote(tx, {
        clientId: client.id,
        authorId: actor.staffId,
        occurredAt: input.occurredAt,
        contactType: input.contactType,
        body,
        sensitive: input.sensitive ?? false,
        amendsId: input.amendsNoteId ?? null,
      });
      await touchLastNote(tx, client.id, input.occurredAt);
      // The audit event names the note, never its body.
      await this.deps.audit.write(tx, {
        action: 'CREATE',
        entityType: 'CaseNote',
        entityId: row.id,
        clientId: client.id,
        detail: input.amendsNoteId ? 'amendment' : null,
      });
      await recomputePriorities(tx, [client.id]);
      return row;
    });
    return toNote(created);
  }
}
