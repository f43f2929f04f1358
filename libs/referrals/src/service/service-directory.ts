/**
 * What a referral needs to know about a service of the directory, asked of
 * the resources subgraph (which owns it) over the internal channel, on the
 * caller's behalf: does it exist, is it active, which organization offers it,
 * at which service-at-locations, under which taxonomy terms. One round trip
 * per request (a per-request DataLoader), with the peer timeout; no answer is
 * UNAVAILABLE, never a guess.
 */
import DataLoader from 'dataloader';
import { callPeer } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';

/** HSDS service status values are lowercase; only an active service may be referred to. */
export const ACTIVE_SERVICE_STATUS = 'active';

export interface DirectoryService {
  id: string;
  status: string;
  organizationId: string;
  taxonomyTermIds: string[];
  serviceAtLocationIds: string[];
}

export const SERVICE_FACTS_QUERY = `query ReferralServiceFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Service { id status organization { id } taxonomyTerms { id } serviceAtLocations { id } }
  }
}`;

interface ServiceFacts {
  id: string;
  status: string;
  organization: { id: string } | null;
  taxonomyTerms: Array<{ id: string }> | null;
  serviceAtLocations: Array<{ id: string }> | null;
}

export interface ServiceDirectoryOptions {
  resourcesUrl: string | undefined;
  timeoutMs?: number;
  internalToken: string;
  requestId: string;
}

/** A per-request loader of services by id: null for a service the directory does not know. */
export function createServiceDirectoryLoader(options: ServiceDirectoryOptions): DataLoader<string, DirectoryService | null> {
  return new DataLoader<string, DirectoryService | null>(
    async (ids) => {
      if (!options.resourcesUrl) throw unavailable('The directory could not be asked (the resources service is not configured)');
      const data = await callPeer<{ _entities: Array<ServiceFacts | null> }>({
        baseUrl: options.resourcesUrl,
        internalToken: options.internalToken,
        requestId: options.requestId,
        query: SERVICE_FACTS_QUERY,
        variables: { representations: ids.map((id) => ({ __typename: 'Service', id })) },
        timeoutMs: options.timeoutMs,
        peerName: 'The directory (resources service)',
      });
      const entities = Array.isArray(data._entities) ? data._entities : [];
      if (entities.length !== ids.length) throw unavailable('The directory gave an incomplete answer; retry later');
      return entities.map((s) => (s && s.organization ? toDirectoryService(s, s.organization.id) : null));
    },
    { maxBatchSize: 100 },
  );
}

function toDirectoryService(s: ServiceFacts, organizationId: string): DirectoryService {
  return {
    id: s.id,
    status: s.status,
    organizationId,
    taxonomyTermIds: (s.taxonomyTerms ?? []).map((t) => t.id),
    serviceAtLocationIds: (s.serviceAtLocations ?? []).map((l) => l.id),
  };
}
