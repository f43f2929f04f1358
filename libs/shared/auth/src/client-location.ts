/**
 * "Near the client" in directory search: the resources subgraph asks the
 * clients subgraph, on the caller's behalf (their internal token), for the
 * point of a client's address. The clients subgraph answers the point only to
 * a caller with the client's case record (which covers CONTACT_INFO): a
 * partner never gets a client's coordinates. The point is used for the
 * search and never returned or logged. Fails closed: no answer is UNAVAILABLE.
 */
import { badInput, forbidden, notFound } from '@caseflow/core';
import { callInternal } from './internal-client';

export const CLIENT_LOCATION_PATH = '/internal/client-location';

export interface ClientLocationRequest {
  clientId: string;
}

/** The answer: the point, or why there is none for this caller (an error status would read as the peer being down). */
export type ClientLocationResponse =
  { outcome: 'LOCATED'; latitude: number; longitude: number } | { outcome: 'NOT_FOUND' | 'FORBIDDEN' | 'NO_POINT' };

export interface ClientLocationOptions {
  /** Base URL of the clients subgraph (or its replicas, comma-separated). */
  clientsUrl: string;
  timeoutMs?: number;
}

/**
 * The point of the client's address for the caller, or the refusal as an
 * error: NOT_FOUND, FORBIDDEN, or BAD_USER_INPUT naming `field` when the
 * client has no located address.
 */
export async function fetchClientLocation(
  options: ClientLocationOptions,
  internalToken: string,
  requestId: string,
  clientId: string,
  field: string,
): Promise<{ latitude: number; longitude: number }> {
  const answer = await callInternal<ClientLocationResponse>({
    peer: 'the clients service',
    purpose: "The client's location could not be read",
    baseUrl: options.clientsUrl,
    path: CLIENT_LOCATION_PATH,
    body: { clientId } satisfies ClientLocationRequest,
    identity: { token: internalToken },
    requestId,
    idempotent: true,
    timeoutMs: options.timeoutMs,
  });
  if (answer.outcome === 'LOCATED') return { latitude: answer.latitude, longitude: answer.longitude };
  if (answer.outcome === 'NOT_FOUND') throw notFound('Client', clientId);
  if (answer.outcome === 'NO_POINT') throw badInput(field, 'this client has no located address');
  throw forbidden('You may not search near this client');
}
