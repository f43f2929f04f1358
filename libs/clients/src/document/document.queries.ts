/**
 * Documents as read and retitled. Documents are part of the whole record:
 * callers with case access see a client's documents (each read audited);
 * partners get an empty list, whatever their consent covers. Retitling
 * changes the title and kind only, under write access, audited.
 */
import DataLoader from 'dataloader';
import type { Actor } from '@caseflow/auth';
import { badInput, notFound, oneOf, requiredText, uuid } from '@caseflow/core';
import { groupLoader } from '@caseflow/federation';
import { decideGrants } from '../access/access.route';
import type { Client } from '../client/client.type';
import type { Consent } from '../consent/consent.type';
import { DOCUMENT_KINDS, type DocumentKind } from './document.entity';
import { toDocument } from './document.mapper';
import { type DocumentRow, documentsOfClients, latestSignedForms, lockDocument, retitle } from './document.sql';
import type { ClientDocument } from './document.type';
import { TITLE_MAX } from './document.upload';
import type { ClientsDeps } from '../deps';

export class DocumentQueries {
  private readonly ofClient: DataLoader<string, DocumentRow[]>;
  private readonly signedForm: DataLoader<string, DocumentRow[]>;

  constructor(private readonly deps: ClientsDeps) {
    this.ofClient = groupLoader(
      (ids) => documentsOfClients(deps.dataSource, ids),
      (row) => row.client_id,
    );
    this.signedForm = groupLoader(
      (ids) => latestSignedForms(deps.dataSource, ids),
      (row) => row.consent_id as string,
    );
  }

  /** The client's documents, newest first; [] for a caller without the whole record (partners). */
  async forClient(client: Client): Promise<ClientDocument[]> {
    if (!client.access.caseRecord) return [];
    const rows = await this.ofClient.load(client.id);
    this.deps.audit.noteReads('ClientDocument', rows, client.id);
    return rows.map(toDocument);
  }

  /** The latest signed form of a consent (consents are shown only with case access). */
  async signedFormOf(consent: Consent): Promise<ClientDocument | null> {
    const [row] = await this.signedForm.load(consent.id);
    if (!row) return null;
    this.deps.audit.note({ action: 'READ', entityType: 'ClientDocument', entityId: row.id, clientId: row.client_id });
    return toDocument(row);
  }

  async retitle(actor: Actor, documentId: string, title: string, kind: DocumentKind): Promise<ClientDocument> {
    const id = uuid('documentId', documentId);
    const newTitle = requiredText('title', title, { max: TITLE_MAX });
    const newKind = oneOf('kind', kind, DOCUMENT_KINDS);
    const updated = await this.deps.dataSource.transaction(async (tx) => {
      const row = await lockDocument(tx, id);
      const [grant] = row ? await decideGrants(this.deps.dataSource, actor, [row.client_id]) : [null];
      // Whoever may not open it is told, as for a download, that there is no such document.
      if (!row || !grant?.write) {
        if (row)
          this.deps.audit.note({
            action: 'UPDATE',
            entityType: 'ClientDocument',
            entityId: id,
            clientId: row.client_id,
            outcome: 'DENIED',
          });
        throw notFound('ClientDocument', id);
      }
      if (row.consent_id && newKind !== 'SIGNED_CONSENT') {
        throw badInput('kind', 'must stay SIGNED_CONSENT: this document is the signed form of a consent');
      }
      const changed = [row.title !== newTitle ? 'title' : null, row.kind !== newKind ? 'kind' : null].filter(Boolean).join(',');
      if (!changed) return row;
      const after = await retitle(tx, id, newTitle, newKind);
      // The audit event names the fields changed, never the title.
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'ClientDocument',
        entityId: id,
        clientId: row.client_id,
        detail: changed,
      });
      return after;
    });
    return toDocument(updated);
  }
}
