/**
 * The dashboard as production serves it: the built static files of
 * `dist/apps/dashboard` (nothing else on disk is reachable: the file list is
 * read once at start), with security headers on every answer, and the API
 * paths passed to the gateway so that the browser talks to one origin.
 * `npm start` runs it in front of the gateway (tools/start.ts); the browser
 * tests run it in front of theirs.
 */
import { existsSync, readFileSync } from 'node:fs';
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { join } from 'node:path';
import helmet from 'helmet';
import sirv from 'sirv';
import { closeServer, listenOn } from '@caseflow/core';

/** What the gateway answers for the dashboard: the GraphQL API, the demo sign-in, the HSDS API, the calendar feeds, documents (uploads and downloads) and the FHIR export. */
export const DASHBOARD_API_PATHS = ['/graphql', '/auth', '/hsds', '/calendar', '/documents', '/fhir'] as const;

export interface DashboardServerOptions {
  /** The built dashboard: index.html, config.json and assets/. */
  distDir: string;
  /** Where the API paths go, e.g. http://127.0.0.1:4000 */
  gatewayBaseUrl: string;
  /**
   * Believe `X-Forwarded-Proto` from the reverse proxy in front (the one that
   * terminates TLS). Only then can a request count as https, which turns on
   * Strict-Transport-Security; never set it when browsers reach this server directly.
   */
  trustProxy?: boolean;
}

export interface DashboardServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

// Headers of one connection, not of the message: never passed through a proxy (RFC 9110 §7.6.1).
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

// No fallback to index.html for a path with a dot or @ segment, or still encoded after one decoding: such a path is no page of the app.
const NOT_A_PAGE = [/\/[.@]/, /%/];

const HSTS = 'max-age=31536000; includeSubDomains';

/** The origin of the OIDC issuer named in the deployment's config.json, which the browser must reach for discovery and the token exchange. */
export function issuerOrigins(distDir: string): string[] {
  const file = join(distDir, 'config.json');
  if (!existsSync(file)) return [];
  try {
    const issuer = (JSON.parse(readFileSync(file, 'utf8')) as { auth?: { mode?: string; issuer?: unknown } }).auth;
    return issuer?.mode === 'oidc' && typeof issuer.issuer === 'string' ? [new URL(issuer.issuer).origin] : [];
  } catch {
    return [];
  }
}

/** The headers of every answer: no inline script, no framing, no sniffing, no referrer. */
export function securityHeaders(connectSources: string[] = []) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...connectSources],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    // Sent only when the request arrived over TLS (see isHttps): over plain http it would be ignored or, behind a proxy, wrong.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

function isHttps(request: IncomingMessage, trustProxy: boolean): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return trustProxy && first === 'https';
}

function isApiPath(pathname: string): boolean {
  return DASHBOARD_API_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function withoutHopByHop<T extends OutgoingHttpHeaders>(headers: T): T {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

function sendStatus(response: ServerResponse, status: number, message: string, extra: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(message), ...extra });
  response.end(message);
}

/** Passes a request to the gateway as it came (less the hop-by-hop headers) and its answer back. */
function proxyTo(gateway: URL, request: IncomingMessage, response: ServerResponse): void {
  const upstream = forward(
    {
      protocol: gateway.protocol,
      hostname: gateway.hostname,
      port: gateway.port,
      method: request.method,
      path: request.url,
      headers: { ...withoutHopByHop(request.headers), host: gateway.host },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    if (!response.headersSent) {
      const body = JSON.stringify({ errors: [{ message: 'The API is unavailable; retry later', extensions: { code: 'UNAVAILABLE' } }] });
      response.writeHead(502, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    } else response.destroy();
  });
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.pipe(upstream);
}

export function createDashboardServer(options: DashboardServerOptions): DashboardServer {
  if (!existsSync(join(options.distDir, 'index.html'))) throw new Error(`The dashboard is not built: no index.html in ${options.distDir}`);
  const gateway = new URL(options.gatewayBaseUrl);
  const headers = securityHeaders(issuerOrigins(options.distDir));
  const files = sirv(options.distDir, {
    single: true,
    ignores: NOT_A_PAGE,
    dotfiles: false,
    etag: true,
    // Hashed file names under assets/ never change; index.html and config.json are checked on every load.
    setHeaders: (response, pathname) =>
      response.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });

  const server = createServer((request, response) => {
    headers(request, response, () => {
      if (isHttps(request, options.trustProxy ?? false)) response.setHeader('strict-transport-security', HSTS);
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (isApiPath(pathname)) return proxyTo(gateway, request, response);
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return sendStatus(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      files(request, response, () => sendStatus(response, 404, 'Not found'));
    });
  });

  return {
    server,
    listen: (port, host) => listenOn(server, port, host),
    stop: () => closeServer(server),
  };
}
