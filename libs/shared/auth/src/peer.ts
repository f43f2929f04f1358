/**
 * A question from one subgraph to another's GraphQL endpoint, on the caller's
 * behalf (the caller's internal token is forwarded, so the other subgraph
 * authorizes the same person). Use `_entities` to ask about many records in
 * one round trip. Fails closed: no answer in time, or an error, is UNAVAILABLE.
 */
import { unavailable } from '@caseflow/core';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from './internal-token';

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
  let response: Response;
  try {
    response = await fetch(new URL('/graphql', call.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: call.internalToken, [REQUEST_ID_HEADER]: call.requestId },
      body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
      signal: AbortSignal.timeout(call.timeoutMs ?? 2000),
    });
  } catch {
    throw unavailable(`${call.peerName} did not answer; retry later`);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) throw unavailable(`${call.peerName} could not answer; retry later`);
  return body.data;
}
