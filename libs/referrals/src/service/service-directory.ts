/**
 * What a referral needs to know about a service of the directory, asked of
 * the resources subgraph (which owns it) over the internal channel, on the
 * caller's behalf (see peer-entities.ts): does it exist, is it active, which
 * organization offers it, at which service-at-locations, under which taxonomy
 * terms, and the service's and organization's names (kept with the referral
 * for its events).
 */
import type { PeerEntities } from '../peer-entities';

/** HSDS service status values are lowercase; only an active service may be referred to. */
export const ACTIVE_SERVICE_STATUS = 'active';

export interface DirectoryService {
  id: string;
  name: string;
  status: string;
  organizationId: string;
  organizationName: string;
  taxonomyTermIds: string[];
  serviceAtLocationIds: string[];
}

export const SERVICE_FACTS_QUERY = `query ReferralServiceFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Service { id name status organization { id name } taxonomyTerms { id } serviceAtLocations { id } }
  }
}`;

interface ServiceFacts {
  id: string;
  name: string;
  status: string;
  organization: { id: string; name: string } | null;
  taxonomyTerms: Array<{ id: string }> | null;
  serviceAtLocations: Array<{ id: string }> | null;
}

/** Services of the directory by id: null for a service the directory does not know. */
export const DIRECTORY_SERVICES: PeerEntities<ServiceFacts, DirectoryService> = {
  typename: 'Service',
  query: SERVICE_FACTS_QUERY,
  peerName: 'The directory (resources service)',
  notConfigured: 'The directory could not be asked (the resources service is not configured)',
  incomplete: 'The directory gave an incomplete answer; retry later',
  read: (s) => (s && s.organization ? toDirectoryService(s, s.organization) : null),
};

function toDirectoryService(s: ServiceFacts, organization: { id: string; name: string }): DirectoryService {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    organizationId: organization.id,
    organizationName: organization.name,
    taxonomyTermIds: (s.taxonomyTerms ?? []).map((t) => t.id),
    serviceAtLocationIds: (s.serviceAtLocations ?? []).map((l) => l.id),
  };
}
