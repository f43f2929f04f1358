/**
 * GET /fhir/Patient/<clientId>/$everything — the FHIR R4 export of a
 * client's record, passed through to the clients subgraph, which decides
 * access, audits and builds the Bundle (libs/clients/src/fhir). The caller
 * is authenticated exactly as for /graphql (a bearer token, else 401); the
 * request goes on with the internal token carrying the caller and nothing
 * else the caller sent. The answer streams back with its status, type
 * (`application/fhir+json`) and `cache-control: no-store`. Any other path or
 * method under /fhir is 404 here and goes nowhere.
 */
import { FHIR_PATH } from '@caseflow/auth';
import { AppError } from '@caseflow/core';
import type { StreamRoute } from '@caseflow/federation';
import { clientsPassThrough, drain, type PassThroughOptions } from './pass-through';

const PASSED_BACK = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options'];

export type FhirPassThroughOptions = PassThroughOptions;

export function fhirPassThrough(options: FhirPassThroughOptions): StreamRoute {
  return clientsPassThrough(options, async ({ request, url, refuse, authenticate, forward }) => {
    // Only `Patient/<one path segment>/$everything`.
    const id = /^\/fhir\/Patient\/([^/]+)\/\$everything$/.exec(url.pathname)?.[1];
    if (request.method !== 'GET' || !id) return refuse(new AppError('NOT_FOUND', 'There is nothing at this path'), 404);
    // Nothing but an id's characters goes on (no dot segments, no escapes); the clients subgraph checks it is a UUID.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) {
      return refuse(new AppError('BAD_USER_INPUT', 'clientId must be a client id (a UUID)', { field: 'clientId' }), 400);
    }
    const actor = await authenticate();
    if (!actor) return;
    await drain(request);
    await forward(actor, `${FHIR_PATH}/Patient/${id}/$everything`, {
      method: 'GET',
      passedBack: PASSED_BACK,
      label: 'FHIR export',
      unavailableMessage: 'The FHIR export is unavailable (the clients service); retry later',
    });
  });
}
