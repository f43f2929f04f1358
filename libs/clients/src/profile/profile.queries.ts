/**
 * A client's profile as read: the address to the case record and, without
 * its coordinates, to a partner whose consent covers CONTACT_INFO; the
 * household and demographics to the case record only (a partner gets an
 * empty list and null, never an error). Each read of a row is audited.
 * One statement per batch of clients for each part.
 */
import DataLoader from 'dataloader';
import { groupLoader, rowLoader } from '@caseflow/federation';
import type { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { type AddressRow, addressesOf, type DemographicsRow, demographicsOf, householdsOf, type MemberRow } from './profile.sql';
import type { ClientAddress, Demographics, HouseholdMember } from './profile.type';
import type { ClientsDeps } from '../deps';

export class ProfileQueries {
  private readonly addresses: DataLoader<string, AddressRow | null>;
  private readonly demographicsRows: DataLoader<string, DemographicsRow | null>;
  private readonly households: DataLoader<string, MemberRow[]>;

  constructor(private readonly deps: ClientsDeps) {
    this.addresses = rowLoader(
      (ids) => addressesOf(deps.dataSource, ids),
      (row) => row.client_id,
    );
    this.demographicsRows = rowLoader(
      (ids) => demographicsOf(deps.dataSource, ids),
      (row) => row.client_id,
    );
    this.households = groupLoader(
      (ids) => householdsOf(deps.dataSource, ids),
      (row) => row.client_id,
    );
  }

  /** Drops what this request read of a client's profile (after a change to it, the next read is fresh). */
  forget(clientId: string): void {
    this.addresses.clear(clientId);
    this.demographicsRows.clear(clientId);
    this.households.clear(clientId);
  }

  async address(client: Client): Promise<ClientAddress | null> {
    const located = client.access.caseRecord;
    if (!located && !client.access.kinds.includes('CONTACT_INFO')) return null;
    const row = await this.addresses.load(client.id);
    if (!row) return null;
    this.deps.audit.note({ action: 'READ', entityType: 'ClientAddress', entityId: client.id, clientId: client.id });
    return {
      line1: row.line1,
      line2: row.line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
      latitude: located ? row.latitude : null,
      longitude: located ? row.longitude : null,
      noFixedAddress: row.no_fixed_address,
    };
  }

  async household(client: Client): Promise<HouseholdMember[]> {
    if (!client.access.caseRecord) return [];
    const rows = await this.households.load(client.id);
    this.deps.audit.noteReads('HouseholdMember', rows, client.id);
    return rows.map((row) => ({
      id: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      relationship: row.relationship,
      dateOfBirth: row.date_of_birth,
      dependent: row.dependent,
    }));
  }

  async demographics(client: Client): Promise<Demographics | null> {
    if (!client.access.caseRecord) return null;
    const row = await this.demographicsRows.load(client.id);
    if (!row) return null;
    this.deps.audit.note({ action: 'READ', entityType: 'Demographics', entityId: client.id, clientId: client.id });
    return {
      genderIdentity: row.gender_identity,
      pronouns: row.pronouns,
      languages: row.languages,
      interpreterNeeded: row.interpreter_needed,
      education: row.education,
    };
  }
}

const perRequest = new WeakMap<ClientsContext, ProfileQueries>();

/** The request's profile reads (its loaders live as long as the request's context). */
export function profileQueries(ctx: ClientsContext): ProfileQueries {
  let queries = perRequest.get(ctx);
  if (!queries) {
    queries = new ProfileQueries(ctx.deps);
    perRequest.set(ctx, queries);
  }
  return queries;
}
