import type { AuditTrail } from '@caseflow/audit';
import { requireConsents } from '../client/client.policy';
import type { Client } from '../client/client.type';
import type { ClientsLoaders } from '../loaders';
import { toConsent } from './consent.mapper';
import type { Consent } from './consent.type';

/** A client's consents, newest signed first: part of the case record, audited. */
export class ConsentQueries {
  constructor(
    private readonly loaders: ClientsLoaders,
    private readonly audit: AuditTrail,
  ) {}

  async forClient(client: Client): Promise<Consent[]> {
    requireConsents(client);
    const rows = await this.loaders.consentsByClient.load(client.id);
    this.audit.noteReads('Consent', rows, client.id);
    return rows.sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime()).map((row) => toConsent(row));
  }
}
