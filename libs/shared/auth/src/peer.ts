/**
 * A question from one subgraph to another's GraphQL endpoint, on the caller's
 * behalf (the caller's internal token is forwarded, so the other subgraph
 * authorizes the same person). Use `_entities` to ask about many records in
 * one round trip. Fails closed: no answer in time, or an error, is UNAVAILABLE.
 */
import { unavailable } from '@caseflow/core';
import { callInternal } from './internal-client';

export interface PeerCall {
  /** The peer's base URL, e.g. http://localhost:4004 */
  baseUrl: string;
  internalToken: string;
  requestId: string;
  query: string;
  variables?: Record<string, unknown>;
  timeoutMs?: number;
  /** Names the peer in the error a caller sees, e.g. "the directory". */
  peerName: string;
}

export async function callPeer<T>(call: PeerCall): Promise<T> {
  const body = await callInternal<{ data?: T; errors?: unknown[] }>({
    peer: call.peerName,
    baseUrl: call.baseUrl,
    path: '/graphql',
    body: { query: call.query, variables: call.variables ?? {} },
    identity: { token: call.internalToken },
    requestId: call.requestId,
    // A query only reads; a mutation is sent once.
    idempotent: !/^\s*mutation\b/.test(call.query),
    timeoutMs: call.timeoutMs,
  });
  if (body.errors?.length || !body.data) throw unavailable(`${call.peerName} could not answer; retry later`);
  return body.data;
}
