import { callPeer } from '@caseflow/auth';
import type { AppError } from '@caseflow/core';

/** How this subgraph reaches the directory (the resources subgraph) as the caller. */
export interface PeerContext {
  resourcesUrl?: string;
  internalToken: string;
  requestId: string;
  timeoutMs?: number;
}

/**
 * Whether `id` is an organization of the directory; the resources subgraph
 * is asked (fails closed). `unconfigured` is thrown when no directory is
 * configured, so each caller names its own field or condition.
 */
export async function isDirectoryOrganization(peer: PeerContext, id: string, unconfigured: () => AppError): Promise<boolean> {
  if (!peer.resourcesUrl) throw unconfigured();
  const data = await callPeer<{ _entities: Array<{ id: string } | null> }>({
    baseUrl: peer.resourcesUrl,
    internalToken: peer.internalToken,
    requestId: peer.requestId,
    timeoutMs: peer.timeoutMs,
    peerName: 'The directory',
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id } } }',
    variables: { r: [{ __typename: 'Organization', id }] },
  });
  return data._entities[0] != null;
}
