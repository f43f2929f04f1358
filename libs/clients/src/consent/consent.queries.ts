import { requireConsents } from '../client/client.policy';
import type { Client } from '../client/client.type';
import { toConsent } from './consent.mapper';
import type { Consent } from './consent.type';
import type { ClientsDeps } from '../deps';

/** A client's consents, newest signed first: part of the case record, audited. */
export class ConsentQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async forClient(client: Client): Promise<Consent[]> {
    requireConsents(client);
    const rows = await this.deps.loaders.consentsByClient.load(client.id);
    this.deps.audit.noteReads('Consent', rows, client.id);
    return rows.sort((a, b) => b.signedAt.getTime() - a.signedAt.getTime()).map((row) => toConsent(row));
  }
}
