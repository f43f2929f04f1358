/**
 * The composed API. It authenticates every request (a bearer JWT naming an
 * active staff member, checked against the staff directory), ignores
 * any identity a caller asserts in headers, and passes the verified caller to
 * the subgraphs as a short-lived internal token. It holds no business logic:
 * each subgraph authorizes its own data.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  type Actor,
  ANONYMOUS_READER,
  type BearerVerifier,
  clientLabel,
  CALENDAR_FEED_PATH,
  CALENDAR_FEED_PUBLIC_PATH,
  CALENDAR_FEED_SECRET,
  createStaffCheck,
  DOCUMENTS_PUBLIC_PATH,
  FHIR_PUBLIC_PATH,
  FEED_READER,
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
} from '@caseflow/auth';
import {
  ERROR_CODES,
  errorFields,
  fieldOfCoercionMessage,
  forbidden,
  connectionFailure,
  isAppError,
  createReplicaSet,
  type Logger,
  replicaUrls,
  REQUEST_ERROR_CODES,
  shortenQuoted,
  unavailable,
} from '@caseflow/core';
import { type DemoLogin, demoLoginRoutes } from './demo-login';
import { directoryClientRefusal, directoryFieldsOf } from './directory-clients';
import { type Principal, principalOf } from './principal';
import { documentsPassThrough } from './documents';
import { fhirPassThrough } from './fhir';
import { maskValueCompletion } from './value-completion';
import { createRateLimiter, limitKeyOf, type RateLimiter, type RateLimitOptions } from './rate-limit';
import { createSubgraphTransport } from './subgraph-transport';
import { DEFAULT_LIMITS, type QueryLimits, costError, estimateCost, shapeLimitRule } from './limits';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createHttpService, type GetRoute, type HttpService, requestIdOf } from '@caseflow/federation';
import { operationMetricsPlugin, type ServiceMetrics } from '@caseflow/telemetry';

export interface GatewayContext {
  actor: Actor;
  /** Who the request counts against (principal.ts): a staff member, a machine client, or an anonymous reader. */
  principal: Principal;
  requestId: string;
  internalToken: string;
}

export interface GatewayOptions {
  supergraphSdl: string;
  /**
   * Subgraph name → GraphQL URL (overrides the URLs written in the
   * supergraph), or the URLs of its replicas: calls go round-robin, skipping
   * one that cannot be reached (see subgraph-transport).
   */
  subgraphUrls: Record<string, string | readonly string[]>;
  verifyBearer: BearerVerifier;
  internalSecret: string;
  logger: Logger;
  production: boolean;
  maxBodyBytes?: number;
  subgraphTimeoutMs?: number;
  /** Base URL of the resources subgraph (or its replicas', comma-separated): GET /hsds/… (the HSDS REST API for partners) is passed through to it. */
  resourcesBaseUrl?: string;
  /**
   * DIRECTORY_PUBLIC: a request without a bearer token reads the directory
   * (the HSDS API and the directory's GraphQL queries) as an anonymous
   * reader; off by default (every request needs a token).
   */
  directoryPublic?: boolean;
  /** The demo sign-in (development only; refused in production). */
  demoLogin?: DemoLogin;
  /** Depth, alias, root-field and cost limits (defaults in DEFAULT_LIMITS). */
  limits?: Partial<QueryLimits>;
  /** Operations one request may batch; 1 refuses batches. */
  maxBatchOperations?: number;
  /** A request not answered within this time gets 503 UNAVAILABLE. */
  requestTimeoutMs?: number;
  /** How long a staff directory answer is kept (at most, and by default, 60 s). */
  staffCacheTtlMs?: number;
  /** The staff cache's clock (tests move it instead of waiting). */
  now?: () => number;
  /** Where requests, operations (by name, with latency) and errors (by the code callers see) are counted. */
  metrics?: ServiceMetrics;
  /** Request budgets per principal (see rate-limit.ts); default: DEFAULT_RATES, counted in each replica's memory. */
  rateLimit?: RateLimitOptions;
}

export interface Gateway {
  http: HttpService;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

const knownCodes = new Set<string>([...ERROR_CODES, ...REQUEST_ERROR_CODES]);

/**
 * Keeps known error codes and their messages; masks everything else, so no
 * internal detail reaches a caller. A subgraph that cannot be reached becomes
 * UNAVAILABLE naming that part of the graph (found from its address).
 */
export function createErrorMasker(
  subgraphUrls: Record<string, string | readonly string[]> = {},
): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  const hosts = Object.entries(subgraphUrls).flatMap(([name, urls]) => replicaUrls(urls).map((url) => [name, new URL(url).host] as const));
  return (formatted) => {
    const code = String(formatted.extensions?.code ?? '');
    const base = { locations: formatted.locations, path: formatted.path };
    if (knownCodes.has(code)) {
      const field = formatted.extensions?.field ?? (code === 'BAD_USER_INPUT' ? fieldOfCoercionMessage(formatted.message) : undefined);
      return { ...base, message: shortenQuoted(formatted.message), extensions: { code, ...(field ? { field } : {}) } };
    }
    if (/subgraph|fetch failed|ECONNREFUSED|socket hang up|Couldn't reach|request to .* failed|aborted|timeout/i.test(formatted.message)) {
      const service =
        (formatted.extensions?.serviceName as string | undefined) ??
        /subgraph (\w+) unreachable/i.exec(formatted.message)?.[1] ??
        hosts.find(([, host]) => formatted.message.includes(host))?.[0];
      return {
        ...base,
        message: `A part of this answer is unavailable${service ? ` (the ${service} service)` : ''}; retry later`,
        extensions: { code: 'UNAVAILABLE', ...(service ? { service } : {}) },
      };
    }
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export const maskError = createErrorMasker();

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    // Only what the gateway sets here reaches a subgraph; nothing a caller sent is forwarded.
    if (!context?.internalToken) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.internalToken);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /**
   * A subgraph answers a request it refuses outright (a variable it cannot
   * coerce, an invalid operation) with HTTP 400 and coded errors; the caller
   * gets that code and field, not a code-less "400: Bad Request".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions.response as { body?: unknown } | undefined)?.body;
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; field?: unknown } }> } | undefined)
      ?.errors?.[0];
    const code = first?.extensions?.code;
    if (typeof code !== 'string' || typeof first?.message !== 'string' || !knownCodes.has(code)) return fallback;
    const field = first.extensions?.field;
    return new GraphQLError(first.message, { extensions: { code, ...(typeof field === 'string' ? { field } : {}) } });
  }
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger } = options;
  if (options.production && options.demoLogin) throw new Error('The demo sign-in is refused in production');
  const demo = options.demoLogin ? demoLoginRoutes(options.demoLogin) : null;
  const limiter = await createRateLimiter(options.rateLimit ?? {}, logger, options.metrics?.registry);
  const authenticators = authenticator(options);
  const authenticate = {
    staff: withinBudget(authenticators.staff, limiter),
    directory: withinBudget(authenticators.directory, limiter),
  };
  const transport = createSubgraphTransport();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const replicas = replicaUrls(options.subgraphUrls[name] ?? url ?? '');
      return new SubgraphDataSource({
        url: replicas[0],
        fetcher: transport.fetcher(name, options.subgraphTimeoutMs ?? 10_000, replicas),
      });
    },
  });

  const requestIdPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            logger.warn('request error', { requestId: contextValue.requestId, ...callerFields(contextValue.actor), ...errorFields(error) });
          }
        },
        async willSendResponse({ contextValue, operationName, response }) {
          // The access line (debug): it carries the request's trace id when tracing is on.
          logger.debug('operation answered', {
            requestId: contextValue.requestId,
            operation: operationName ?? null,
            ...callerFields(contextValue.actor),
          });
          response.http.headers.set(REQUEST_ID_HEADER, contextValue.requestId);
          if (response.body.kind === 'single') maskValueCompletion(response.body.singleResult, logger, contextValue.requestId);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
              ...e,
              extensions: { ...e.extensions, requestId: contextValue.requestId },
            }));
          }
        },
      };
    },
  };

  // A directory client asks for directory fields only; refused once the operation is known, before planning.
  const directoryFields = directoryFieldsOf(options.supergraphSdl);
  const directoryClientPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          const refusal = operation && directoryClientRefusal(contextValue.actor, document, operation, directoryFields);
          if (refusal) throw refusal;
        },
      };
    },
  };

  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // The cost depends on page sizes, which may be variables: it is checked once the operation is known, before planning.
  const costPlugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const error = costError(estimateCost(schema, document, operation, limits, request.variables ?? {}), limits);
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorMasker(options.subgraphUrls),
    includeStacktraceInErrorResponses: false,
    // In production: no introspection, no sandbox, no "did you mean" hints that reveal the schema.
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    stopOnTerminationSignals: false,
    validationRules: [shapeLimitRule(limits)],
    plugins: [
      requestIdPlugin,
      directoryClientPlugin,
      costPlugin,
      ...(options.metrics ? [operationMetricsPlugin<GatewayContext>(options.metrics)] : []),
      // No cache hints (nothing sets one; answers about clients are never cached) and no usage reports to Apollo's cloud.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      options.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  // Ready when every subgraph has a replica that answers.
  const subgraphHealth = Object.values(options.subgraphUrls).map((urls) =>
    replicaUrls(urls).map((url) => new URL('/health', url).toString()),
  );
  const http = createHttpService<GatewayContext>({
    apollo,
    getRoutes: {
      ...(options.resourcesBaseUrl ? { [HSDS_PATH]: hsdsPassThrough(options, options.resourcesBaseUrl, authenticate.directory) } : {}),
      [CALENDAR_FEED_PUBLIC_PATH]: calendarFeedPassThrough(options, limiter),
      ...demo?.get,
    },
    // Uploads and downloads stream through (up to 10 MB a document); the GraphQL body limit below stays.
    streamRoutes: {
      [DOCUMENTS_PUBLIC_PATH]: documentsPassThrough({
        ...options,
        clientsUrls: options.subgraphUrls.clients ?? [],
        authenticate: authenticate.staff,
      }),
      [FHIR_PUBLIC_PATH]: fhirPassThrough({
        ...options,
        clientsUrls: options.subgraphUrls.clients ?? [],
        authenticate: authenticate.staff,
      }),
    },
    routes: demo?.post,
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    maxBatchOperations: options.maxBatchOperations ?? 1,
    requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    service: 'gateway',
    metrics: options.metrics,
    ready: async () => {
      const answers = await Promise.all(
        subgraphHealth.flat().map((url) =>
          fetch(url, { signal: AbortSignal.timeout(1000) }).then(
            (r) => [url, r.ok] as const,
            () => [url, false] as const,
          ),
        ),
      );
      const healthy = new Set(answers.filter(([, ok]) => ok).map(([url]) => url));
      return subgraphHealth.every((replicas) => replicas.some((url) => healthy.has(url)));
    },
    onError: (error) => logger.error('unhandled error', errorFields(error)),
    context: async (request: IncomingMessage) => {
      const requestId = requestIdOf(request);
      const actor = await authenticate.directory(request);
      return {
        actor,
        principal: principalOf(actor),
        requestId,
        internalToken: await signInternalToken({ actor, requestId }, options.internalSecret),
      };
    },
  });

  return {
    http,
    listen: (port, host) => http.listen(port, host),
    stop: async () => {
      await http.stop();
      await apollo.stop();
      await transport.close();
      await limiter.close();
    },
  };
}

type Authenticate = (request: IncomingMessage) => Promise<Actor>;

/** A directory client's name for the log lines (`client`), nothing for a staff member (the request id leads to them). */
function callerFields(actor: Actor | undefined): { client?: string } {
  const client = actor && clientLabel(actor);
  return client ? { client } : {};
}

/**
 * Who is calling: the bearer token's signature, issuer, audience and
 * lifetime, then the staff directory (the clients subgraph) for the person it
 * names — active, with that role and organization — each answer trusted for
 * the TTL, a minute at most. A lookup also reads the whole directory (no names
 * or emails) when it was last read more than half a TTL ago, so that a
 * person's first request in a minute seldom waits for a lookup of its own in
 * series (staff-directory.ts); a failed read is logged. Refused
 * as UNAUTHENTICATED, or UNAVAILABLE when the directory cannot answer;
 * either way before anything runs.
 *
 * `directory` (GraphQL, the HSDS API) also lets in a machine client's
 * client-credentials token (there is no staff member to check) and, with
 * `directoryPublic`, a request without a token as the anonymous reader; what
 * they may then ask is narrowed by the operation check (directory-clients.ts)
 * and the subgraphs. `staff` (documents, FHIR) lets in staff members only.
 */
function authenticator(options: GatewayOptions): { staff: Authenticate; directory: Authenticate } {
  const clientsUrls = replicaUrls(options.subgraphUrls.clients ?? []);
  if (clientsUrls.length === 0)
    throw new Error('The gateway needs the clients subgraph: it checks every caller against its staff directory');
  const checkStaff = createStaffCheck({
    clientsUrl: clientsUrls.map((url) => new URL(url).origin).join(','),
    internalSecret: options.internalSecret,
    ttlMs: options.staffCacheTtlMs,
    now: options.now,
    onRefresh: (staff) => options.logger.debug('staff directory read', { staff }),
    onRefreshError: (error) => options.logger.warn('staff directory read failed', errorFields(error)),
  });
  const directory: Authenticate = async (request) => {
    const authorization = headerValue(request, 'authorization');
    if (options.directoryPublic && authorization === undefined) return ANONYMOUS_READER;
    const actor = await options.verifyBearer(authorization);
    if (actor.client) {
      options.logger.debug('directory client', { client: clientLabel(actor) });
      return actor;
    }
    await checkStaff(actor);
    return actor;
  };
  const staff: Authenticate = async (request) => {
    const actor = await options.verifyBearer(headerValue(request, 'authorization'));
    if (actor.client) throw forbidden('A directory client reads the resource directory only');
    await checkStaff(actor);
    return actor;
  };
  return { staff, directory };
}

/**
 * Counts each request in its caller's budget (rate-limit.ts): a verified
 * caller's own, or, for a request refused as unauthenticated, its address's
 * (so that guessing tokens is slowed too). Over budget: RATE_LIMITED.
 */
function withinBudget(authenticate: Authenticate, limiter: RateLimiter): Authenticate {
  return async (request) => {
    let actor: Actor;
    try {
      actor = await authenticate(request);
    } catch (error) {
      if (isAppError(error) && error.code === 'UNAUTHENTICATED') await limiter.take(limitKeyOf(request, null, limiter.trustProxy));
      throw error;
    }
    await limiter.take(limitKeyOf(request, actor, limiter.trustProxy));
    return actor;
  };
}

const HSDS_PATH = '/hsds';

/**
 * GET /hsds/… — the HSDS API, served by the resources subgraph. The caller is
 * authenticated exactly as for /graphql (a bearer token, else 401
 * UNAUTHENTICATED): a staff member's, or a partner system's
 * client-credentials token (`directory:read`); with DIRECTORY_PUBLIC, no
 * token at all (an anonymous reader). The request goes on with the internal
 * token and, of what the caller sent, only its conditional headers
 * (If-None-Match, If-Modified-Since); the answer (JSON, or an ndjson stream,
 * or a bodiless 304) comes back as it is, with its caching headers (ETag,
 * Last-Modified, Cache-Control). With several
 * replicas, requests go round-robin and one that cannot be reached is
 * skipped (a GET is safe to send again).
 */
function hsdsPassThrough(options: GatewayOptions, resourcesBaseUrl: string, authenticate: Authenticate): GetRoute {
  const replicas = createReplicaSet(replicaUrls(resourcesBaseUrl));
  return async (request, url) => {
    const requestId = randomUUID();
    const actor = await authenticate(request);
    // The timeout covers the answer's start; a long ndjson stream may then take its time.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.subgraphTimeoutMs ?? 30_000);
    const headers = {
      ...conditionalHeaders(request),
      [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor, requestId }, options.internalSecret),
      [REQUEST_ID_HEADER]: requestId,
    };
    let response: Response | undefined;
    try {
      for (const base of replicas.order()) {
        try {
          response = await fetch(new URL(`${url.pathname}${url.search}`, base), { headers, signal: controller.signal });
          break;
        } catch (error) {
          options.logger.warn('hsds pass-through failed', { requestId, ...callerFields(actor), ...errorFields(error) });
          if (controller.signal.aborted || !connectionFailure(error)) break;
          replicas.rest(base);
        }
      }
    } finally {
      clearTimeout(timer);
    }
    if (!response) throw unavailable('The directory (resources service) is unavailable; retry later');
    const passedBack = cachingHeaders(response);
    const contentType = response.headers.get('content-type') ?? 'application/json';
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 304, contentType, text: '', headers: passedBack };
    }
    const body = response.body;
    async function* text(): AsyncIterable<string> {
      if (!body) return;
      const decoder = new TextDecoder();
      const reader = body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield decoder.decode(chunk.value, { stream: true });
      const rest = decoder.decode();
      if (rest) yield rest;
    }
    return { status: response.status, contentType, text: text(), headers: passedBack };
  };
}

/** The conditional request headers the HSDS API answers (bounded: a longer one is not passed on, and the answer is a full 200). */
const CONDITIONAL_HEADERS = ['if-none-match', 'if-modified-since'] as const;
const MAX_CONDITIONAL_HEADER = 2_000;
/** The caching headers of an HSDS answer. */
const CACHING_HEADERS = ['etag', 'last-modified', 'cache-control'] as const;

function conditionalHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of CONDITIONAL_HEADERS) {
    const value = headerValue(request, name);
    if (value !== undefined && value.length <= MAX_CONDITIONAL_HEADER) headers[name] = value;
  }
  return headers;
}

function cachingHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of CACHING_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}

/** A calendar feed answer is never stored by a cache: its address is a secret and its content changes. */
const FEED_HEADERS = { 'cache-control': 'no-store, private' };

/**
 * GET /calendar/<secret>.ics — a staff member's calendar feed, for calendar
 * apps that send no bearer token: the secret is the credential, and the
 * clients subgraph alone can tell whose it is. The gateway passes only the
 * secret on, under an internal token naming nobody (FEED_READER), and
 * answers 404 with an empty body for any address that is not a live feed
 * (malformed, unknown or replaced), so that the answer tells nothing else.
 */
function calendarFeedPassThrough(options: GatewayOptions, limiter: RateLimiter): GetRoute {
  const replicas = createReplicaSet(replicaUrls(options.subgraphUrls.clients ?? []).map((url) => new URL(url).origin));
  const notFound = { status: 404, contentType: 'text/plain; charset=utf-8', text: '', headers: FEED_HEADERS };
  return async (request, url) => {
    // No token: the feed's address is the credential, so the caller's address has the budget.
    await limiter.take(limitKeyOf(request, null, limiter.trustProxy));
    const secret = /^\/calendar\/([^/]+)\.ics$/.exec(url.pathname)?.[1];
    if (!secret || !CALENDAR_FEED_SECRET.test(secret)) return notFound;
    const requestId = randomUUID();
    const headers = {
      [INTERNAL_TOKEN_HEADER]: await signInternalToken({ actor: FEED_READER, requestId }, options.internalSecret),
      [REQUEST_ID_HEADER]: requestId,
    };
    for (const base of replicas.order()) {
      try {
        const response = await fetch(new URL(`${CALENDAR_FEED_PATH}/${secret}.ics`, base), {
          headers,
          signal: AbortSignal.timeout(options.subgraphTimeoutMs ?? 10_000),
        });
        if (response.status === 404) return notFound;
        if (!response.ok) break;
        const text = await response.text();
        return {
          status: 200,
          contentType: response.headers.get('content-type') ?? 'text/calendar; charset=utf-8',
          text,
          headers: FEED_HEADERS,
        };
      } catch (error) {
        // The request id only: the address holds the secret and is never logged.
        options.logger.warn('calendar feed pass-through failed', { requestId, ...errorFields(error) });
        if (!connectionFailure(error)) break;
        replicas.rest(base);
      }
    }
    throw unavailable('The calendar feed is unavailable; retry later');
  };
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
