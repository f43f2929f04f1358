/**
 * Adding, changing and removing an entry that hangs off another directory
 * row (a phone, a schedule): the owner decides who may edit it, and a change
 * bumps the owning service's `last_modified`. One transaction each, with
 * metadata and the audit event.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { notFound } from '@caseflow/core';
import { touchService } from '../service/service.sql';
import { changedFields, creationChanges, deletionChanges, type Row } from './changes';
import { deleteRow, insertRow, lockRow, recordMetadata, updateRow } from './changes.sql';
import { type EditScope, ownershipOfRow } from './edit-scope';
import type { OwnerField, Ownership } from './owner.rules';

/** The table of the entry and its GraphQL type name (the audit's entity type). */
export interface OwnedEntryKind {
  table: string;
  entityType: string;
}

export class OwnedEntryEdits {
  constructor(
    private readonly scope: EditScope,
    private readonly kind: OwnedEntryKind,
  ) {}

  add(actor: Actor, target: { field: OwnerField; id: string }, values: Row): Promise<string> {
    const { table, entityType } = this.kind;
    return this.scope.dataSource.transaction(async (tx) => {
      const owner = await this.scope.owner(tx, actor, target.field, target.id, entityType);
      const id = await insertRow(tx, table, values);
      await recordMetadata(tx, actor, table, id, 'create', creationChanges(values));
      await this.finish(tx, owner, { action: 'CREATE', entityType, entityId: id });
      return id;
    });
  }

  update(actor: Actor, id: string, columns: Row): Promise<void> {
    const { table, entityType } = this.kind;
    return this.scope.dataSource.transaction(async (tx) => {
      const { row, owner } = await this.lockOwned(tx, actor, id);
      const changes = changedFields(row, columns);
      await updateRow(tx, table, id, changes);
      await recordMetadata(tx, actor, table, id, 'update', changes);
      if (changes.length > 0)
        await this.finish(tx, owner, { action: 'UPDATE', entityType, entityId: id, detail: changes.map((c) => c.field).join(',') });
    });
  }

  /** Removes the entry; `mayRemove` runs after the caller is checked and may refuse. */
  remove(actor: Actor, id: string, mayRemove?: (tx: EntityManager, id: string) => Promise<void>): Promise<string> {
    const { table, entityType } = this.kind;
    return this.scope.dataSource.transaction(async (tx) => {
      const { row, owner } = await this.lockOwned(tx, actor, id);
      if (mayRemove) await mayRemove(tx, id);
      await deleteRow(tx, table, id);
      await recordMetadata(tx, actor, table, id, 'delete', deletionChanges(row));
      await this.finish(tx, owner, { action: 'UPDATE', entityType, entityId: id, detail: 'removed' });
      return id;
    });
  }

  /** Locks the entry and checks that the caller may edit its owner's entries. */
  private async lockOwned(tx: EntityManager, actor: Actor, id: string): Promise<{ row: Row; owner: Ownership }> {
    const { table, entityType } = this.kind;
    const row = await lockRow(tx, table, id);
    if (!row) throw notFound(entityType, id);
    const owner = await ownershipOfRow(tx, row);
    this.scope.assertMayEdit(actor, owner.organizationId, entityType, id);
    return { row, owner };
  }

  private async finish(
    tx: EntityManager,
    owner: Ownership,
    event: { action: 'CREATE' | 'UPDATE'; entityType: string; entityId: string; detail?: string },
  ): Promise<void> {
    if (owner.serviceId) await touchService(tx, owner.serviceId);
    await this.scope.audit.write(tx, event);
  }
}
