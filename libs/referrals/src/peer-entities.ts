/**
 * Another subgraph's entities by id, asked of its `_entities` over the
 * internal channel on the caller's behalf: a per-request loader, so one round
 * trip per request (up to 100 ids), with the peer timeout. No answer is ever
 * guessed: no address, no answer or an answer of the wrong length is
 * UNAVAILABLE.
 */
import DataLoader from 'dataloader';
import { callPeer } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';

/** Where the peer is, and who asks. */
export interface PeerAddress {
  url: string | undefined;
  timeoutMs?: number;
  internalToken: string;
  requestId: string;
}

/** What is asked of the peer about one entity type, and how its answer is read. */
export interface PeerEntities<Facts, T> {
  typename: string;
  /** The `_entities` query, with `$representations`. */
  query: string;
  /** How errors name the peer. */
  peerName: string;
  /** The error when the peer's address is not configured. */
  notConfigured: string;
  /** The error when the peer answers for fewer or more ids than asked. */
  incomplete: string;
  /** The value of one answered entity (null: unknown, or not shown to the caller). */
  read(facts: Facts | null): T | null;
}

export function peerEntitiesLoader<Facts, T>(peer: PeerAddress, entities: PeerEntities<Facts, T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (ids) => {
      if (!peer.url) throw unavailable(entities.notConfigured);
      const data = await callPeer<{ _entities: Array<Facts | null> }>({
        baseUrl: peer.url,
        internalToken: peer.internalToken,
        requestId: peer.requestId,
        query: entities.query,
        variables: { representations: ids.map((id) => ({ __typename: entities.typename, id })) },
        timeoutMs: peer.timeoutMs,
        peerName: entities.peerName,
      });
      const answered = Array.isArray(data._entities) ? data._entities : [];
      if (answered.length !== ids.length) throw unavailable(entities.incomplete);
      return answered.map((facts) => entities.read(facts));
    },
    { maxBatchSize: 100 },
  );
}
