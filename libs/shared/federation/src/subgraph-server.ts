import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { AuditTrail, AuditWriter } from '@caseflow/audit';
import { clientLabel, INTERNAL_TOKEN_HEADER, type InternalIdentity, verifyInternalToken } from '@caseflow/auth';
import { errorFields, forbidden, type Logger } from '@caseflow/core';
import { type Database, isDatabaseReady } from '@caseflow/db';
import { operationMetricsPlugin, type ServiceMetrics } from '@caseflow/telemetry';
import type { RequestContext } from './context';
import { classifyError, formatError } from './errors';
import { createHttpService, type GetRouteResult, type HttpService } from './http';

export type InternalRoute = (body: unknown, caller: InternalIdentity & { token: string }) => Promise<unknown>;
/** An internal GET route (e.g. a REST API the gateway passes through), answered only to callers with a valid internal token. */
/** `headers`: the request's headers (for conditional requests: If-None-Match, If-Modified-Since). */
export type InternalGetRoute = (
  url: URL,
  caller: InternalIdentity & { token: string },
  headers: IncomingHttpHeaders,
) => Promise<GetRouteResult>;

/** An internal streaming route (uploads and downloads the gateway passes through), answered only to callers with a valid internal token. */
export type InternalStreamRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  caller: InternalIdentity & { token: string },
) => Promise<void>;

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  schema: GraphQLSchema;
  database: Database;
  /** The PostgreSQL schema holding this subgraph's audit table. */
  dbSchema: string;
  internalSecret: string;
  logger: Logger;
  /** Where its requests, operations and errors are counted. */
  metrics?: ServiceMetrics;
  /** Adds the subgraph's services and per-request loaders to the base context. */
  extendContext: (base: RequestContext) => C;
  /** Internal JSON routes (POST), answered only to callers with a valid internal token. */
  internalRoutes?: Record<string, InternalRoute>;
  /** Internal GET routes keyed by path prefix, answered only to callers with a valid internal token. */
  internalGetRoutes?: Record<string, InternalGetRoute>;
  /** Internal streaming routes of any method keyed by path prefix, answered only to callers with a valid internal token. */
  internalStreamRoutes?: Record<string, InternalStreamRoute>;
  /**
   * Whether directory clients (machine clients, anonymous public readers) may
   * call it at all: the resources subgraph only. Everywhere else such a
   * caller is FORBIDDEN on every path (GraphQL, `_entities` included, and
   * internal routes) before anything runs.
   */
  directoryClients?: boolean;
}

export interface SubgraphServer {
  http: HttpService;
  apollo: ApolloServer<RequestContext>;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const AUDIT_UNAVAILABLE = {
  message: 'This answer could not be recorded in the audit trail, so it is withheld; retry later',
  extensions: { code: 'UNAVAILABLE' },
};

function internalToken(request: IncomingMessage): string | undefined {
  const value = request.headers[INTERNAL_TOKEN_HEADER];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A subgraph's HTTP server. Every request — GraphQL (`_service` and
 * `_entities` included) and internal routes — must carry a valid internal
 * token from the gateway, or it is refused before anything runs. Reads and
 * denials buffered in the request's audit trail are committed (group commit
 * with the other requests finishing meanwhile) before the response is sent;
 * when they cannot be, the answer is UNAVAILABLE with no data (audit fails
 * closed).
 */
export async function createSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>): Promise<SubgraphServer> {
  const { logger, database } = options;
  // One group-commit writer for the process: the reads' audit events of concurrent requests share a commit.
  const auditWriter = new AuditWriter(database.dataSource, options.dbSchema);
  const auditPlugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const kind = classifyError(error);
            if (kind === 'internal' || kind === 'unavailable') {
              logger.error('request failed', { requestId: contextValue.requestId, kind, ...errorFields(error) });
            }
          }
        },
        async willSendResponse({ contextValue, operationName, response }) {
          // The access line (debug): it carries the request's trace id when tracing is on.
          logger.debug('operation answered', { requestId: contextValue.requestId, operation: operationName ?? null });
          try {
            await contextValue.audit.flush(auditWriter);
          } catch (error) {
            logger.error('audit flush failed', { requestId: contextValue.requestId, ...errorFields(error) });
            // Audit fails closed: data whose reading could not be recorded is not given out.
            if (response.body.kind === 'single') response.body.singleResult = { data: null, errors: [AUDIT_UNAVAILABLE] };
          }
        },
      };
    },
  };

  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The process's own signal handler drains and stops everything in order.
    stopOnTerminationSignals: false,
    // No per-field work for features nobody uses: no cache hints (nothing sets one, and answers about clients are
    // never cached), no traces for the gateway, no usage reports to Apollo's cloud even if APOLLO_KEY is set.
    plugins: [
      auditPlugin,
      ...(options.metrics ? [operationMetricsPlugin<RequestContext>(options.metrics)] : []),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await apollo.start();

  const identify = async (request: IncomingMessage) => {
    const token = internalToken(request);
    const identity = await verifyInternalToken(token, options.internalSecret);
    if (identity.actor.client && !options.directoryClients) {
      logger.warn('directory client refused', { requestId: identity.requestId, client: clientLabel(identity.actor) });
      throw forbidden(`A directory client may read the resource directory only; the ${options.name} service answers staff members`);
    }
    return { ...identity, token: token as string };
  };

  const routes = Object.fromEntries(
    Object.entries(options.internalRoutes ?? {}).map(([path, route]) => [
      path,
      async (body: unknown, request: IncomingMessage) => route(body, await identify(request)),
    ]),
  );

  const getRoutes = Object.fromEntries(
    Object.entries(options.internalGetRoutes ?? {}).map(([prefix, route]) => [
      prefix,
      async (request: IncomingMessage, url: URL) => route(url, await identify(request), request.headers),
    ]),
  );

  const streamRoutes = Object.fromEntries(
    Object.entries(options.internalStreamRoutes ?? {}).map(([prefix, route]) => [
      prefix,
      async (request: IncomingMessage, response: ServerResponse, url: URL) => route(request, response, url, await identify(request)),
    ]),
  );

  const http = createHttpService<RequestContext>({
    apollo,
    routes,
    getRoutes,
    streamRoutes,
    ready: () => isDatabaseReady(database.dataSource),
    service: options.name,
    metrics: options.metrics,
    onError: (error) => logger.error('unhandled error', errorFields(error)),
    context: async (request) => {
      const { actor, requestId, token } = await identify(request);
      const base: RequestContext = {
        actor,
        requestId,
        internalToken: token,
        audit: new AuditTrail(options.dbSchema, actor, requestId),
        logger: logger.child(actor.client ? { requestId, client: clientLabel(actor) } : { requestId }),
      };
      return options.extendContext(base);
    },
  });

  return {
    http,
    apollo,
    listen: (port, host) => http.listen(port, host),
    stop: async () => {
      await http.stop();
      await apollo.stop();
      if (database.dataSource.isInitialized) await database.dataSource.destroy();
    },
  };
}
