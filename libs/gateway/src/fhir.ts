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
import { randomUUID } from 'node:crypto';
import { type Actor, FHIR_PATH, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from '@caseflow/auth';
import { AppError, createReplicaSet, type Logger, replicaUrls } from '@caseflow/core';
import type { StreamRoute } from '@caseflow/federation';
import type { IncomingMessage } from 'node:http';
import { drain, forward, sendError } from './pass-through';

const PASSED_BACK = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options'];

export interface FhirPassThroughOptions {
  clientsUrls: string | readonly string[];
  internalSecret: string;
  logger: Logger;
  authenticate: (request: IncomingMessage) => Promise<Actor>;
  /** How long the clients subgraph may stay silent. */
  subgraphTimeoutMs?: number;
}

export function fhirPassThrough(options: FhirPassThroughOptions): StreamRoute {
  const replicas = createReplicaSet(replicaUrls(options.clientsUrls).map((url) => new URL(url).origin));
  return async (request, response, url) => {
    const requestId = randomUUID();
    const refuse = async (error: AppError, status?: number) => {
      await drain(request);
      sendError(response, error, status, requestId);
    };
    // Only `Patient/<one path segment>/$everything`.
    const id = /^\/fhir\/Patient\/([^/]+)\/\$everything$/.exec(url.pathname)?.[1];
    if (request.method !== 'GET' || !id) return refuse(new AppError('NOT_FOUND', 'There is nothing at this path'), 404);
    // Nothing but an id's characters goes on (no dot segments, no escapes); the clients subgraph checks it is a UUID.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) {
      return refuse(new AppError('BAD_USER_INPUT', 'clientId must be a client id (a UUID)', { field: 'clientId' }), 400);
    }
    let actor: Actor;
    try {
      actor = await options.authenticate(request);
    } catch (error) {
      if (error instanceof AppError) return refuse(error);
      throw error;
    }
    await drain(request);
    const target = new URL(`${FHIR_PATH}/Patient/${id}/$everything`, replicas.order()[0]);
    await forward(options.logger, request, response, {
      method: 'GET',
      target,
      headers: {
        [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor, requestId }, options.internalSecret),
        [REQUEST_ID_HEADER]: requestId,
      },
      requestId,
      passedBack: PASSED_BACK,
      timeoutMs: options.subgraphTimeoutMs,
      label: 'FHIR export',
      unavailableMessage: 'The FHIR export is unavailable (the clients service); retry later',
    });
  };
}
