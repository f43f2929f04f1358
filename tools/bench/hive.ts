/**
 * Hive Gateway (`@graphql-hive/gateway`, with the Rust query planner of
 * `@graphql-hive/router-runtime`) serving the same supergraph and subgraphs
 * as the project's @apollo/gateway, with the same behaviour at the edges:
 *
 * - every /graphql request must carry a valid bearer token (the same
 *   verifier) naming an active staff member (the same cached staff check),
 *   else 401 UNAUTHENTICATED (503 UNAVAILABLE if the directory is down)
 *   before any planning;
 * - each subgraph request carries the caller as the internal token and a
 *   request id, and nothing the caller sent (the subgraphs refuse anything else);
 * - errors go through the same mask as @apollo/gateway's (known codes kept,
 *   internals masked) and carry the request id;
 * - in production: no introspection, no GraphiQL, no landing page;
 * - no sharing of in-flight subgraph requests between callers (see below).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  type Actor,
  type BearerVerifier,
  createStaffCheck,
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
} from '@caseflow/auth';
import { AppError } from '@caseflow/core';
import { maskError } from '@caseflow/gateway';

export interface HiveGatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → GraphQL URL (overrides the URLs written in the supergraph). */
  subgraphUrls: Record<string, string>;
  verifyBearer: BearerVerifier;
  internalSecret: string;
  production: boolean;
}

export interface HiveGateway {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

interface CaseflowIdentity {
  actor: Actor;
  requestId: string;
  internalToken: string;
}

/** The supergraph with each subgraph's URL replaced by the configured one. */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

export function createHiveGateway(options: HiveGatewayOptions): HiveGateway {
  const identities = new WeakMap<Request, CaseflowIdentity>();
  if (!options.subgraphUrls.clients)
    throw new Error('The gateway needs the clients subgraph: it checks every caller against its staff directory');
  const checkStaff = createStaffCheck({ clientsUrl: new URL(options.subgraphUrls.clients).origin, internalSecret: options.internalSecret });

  const caseflow: GatewayPlugin<{ caseflow?: CaseflowIdentity }> = {
    // Authentication before anything else, exactly as the project's gateway: no token, no planning.
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/graphql') return;
      const requestId = randomUUID();
      try {
        const actor = await options.verifyBearer(request.headers.get('authorization') ?? undefined);
        await checkStaff(actor);
        identities.set(request, { actor, requestId, internalToken: await signInternalToken({ actor, requestId }, options.internalSecret) });
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'UNAUTHENTICATED';
        endResponse(
          json(code === 'UNAVAILABLE' ? 503 : 401, {
            errors: [{ message: error instanceof Error ? error.message : 'Unauthenticated', extensions: { code, requestId } }],
          }),
        );
      }
    },
    onContextBuilding({ context, extendContext }) {
      const identity = identities.get(context.request);
      if (identity) extendContext({ caseflow: identity });
    },
    // Only what is set here reaches a subgraph: the internal token and the request id.
    onFetch({ context, options: init, setOptions }) {
      const identity = 'caseflow' in context ? (context.caseflow as CaseflowIdentity | undefined) : undefined;
      if (!identity) return;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      };
      headers[INTERNAL_TOKEN_HEADER] = identity.internalToken;
      headers[REQUEST_ID_HEADER] = identity.requestId;
      setOptions({ ...init, headers });
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const requestId = (args.contextValue as { caseflow?: CaseflowIdentity }).caseflow?.requestId;
          const errors = result.errors.map((e) => {
            const masked = maskError(
              (typeof (e as { toJSON?: unknown }).toJSON === 'function'
                ? (e as { toJSON(): GraphQLFormattedError }).toJSON()
                : e) as GraphQLFormattedError,
            );
            // Errors stay GraphQL errors, so that the HTTP status is chosen as for any execution error (200, like @apollo/gateway).
            return new GraphQLError(masked.message, {
              path: masked.path,
              extensions: { ...masked.extensions, ...(requestId ? { requestId } : {}) },
            });
          });
          setResult({ ...result, data: result.data ?? null, errors } as typeof result);
        },
      };
    },
    onResponse({ request, response }) {
      const identity = identities.get(request);
      if (identity) response.headers.set(REQUEST_ID_HEADER, identity.requestId);
    },
  };

  const runtime = createGatewayRuntime({
    supergraph: withSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    unifiedGraphHandler,
    // Identical subgraph queries in flight at once are shared by default, keyed by URL and body but not by the
    // headers set in onFetch: two case managers' `{ me myCaseload }` would get one answer. Identity travels in a
    // header here, so nothing may be shared between requests.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    readinessCheckEndpoint: '/ready',
    graphiql: !options.production,
    landingPage: false,
    ...(options.production ? { disableIntrospection: { disableIf: () => true } } : {}),
    maskedErrors: false,
    logging: 'warn',
    plugins: () => [caseflow],
  });

  const server = createServer(runtime);
  // Idle connections outlive the callers' idle timeouts, as on the other services.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  return {
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await runtime.dispose();
    },
  };
}
