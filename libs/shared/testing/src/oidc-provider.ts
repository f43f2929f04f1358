/**
 * A real OpenID Connect provider for the tests: the certified `oidc-provider`
 * package in its own process on loopback (bin/oidc-provider.mjs), with the
 * test's clients and people, each person signing in with a password made for
 * this run. `signIn` goes through the authorization code flow with PKCE over
 * HTTP as a browser would (the provider's sign-in form included);
 * `rotateKeys` makes the provider sign with a new key and drop the old one
 * from its JWKS at once, `addKey` and `removeKey` do it in two steps.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Role } from '@caseflow/auth';
import { inheritedEnvironment } from './process';

export interface OidcTestClient {
  clientId: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** How long its access tokens live (default 600 s). */
  accessTokenTtlSeconds?: number;
}

/** A partner's system: the client-credentials grant with a client secret (HTTP Basic), for the scopes it is allowed. */
export interface OidcMachineClient {
  clientId: string;
  secret: string;
  /** The scopes it may be granted, space-separated (e.g. `directory:read`). */
  scope: string;
  /** Its partner organization id: the `org` claim of its access tokens. */
  org?: string;
}

export interface OidcTestUser {
  /** The staff id: the `sub` of every token (unless the provider is given claim names). */
  sub: string;
  email: string;
  name: string;
  role: Role;
  /** The staff member's organization id: the `org` claim of access tokens for the API. */
  org: string;
}

export interface OidcProviderOptions {
  /** The Caseflow API's resource indicator: the audience of its access tokens. */
  audience: string;
  /** Other APIs of the same provider (tokens for them must not open Caseflow). */
  otherAudiences?: string[];
  clients: OidcTestClient[];
  machineClients?: OidcMachineClient[];
  users: OidcTestUser[];
  /**
   * As most providers do: `sub` is the provider's own id for the person, and
   * the staff id, role and organization id go in these claims.
   */
  claimNames?: { staffId: string; role: string; organizationId: string };
}

export interface OidcTokens {
  accessToken: string;
  idToken: string;
  expiresIn: number;
}

export interface SignInRequest {
  clientId: string;
  redirectUri: string;
  /** The API the access token is for (RFC 8707); the provider's Caseflow audience unless told. */
  resource?: string;
  password?: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** From the provider's discovery document. */
  jwksUri: string;
  /** Every test user's password at this provider (made for this run). */
  password: string;
  /** The id of the key the provider signs with now. */
  kid: string;
  signIn(email: string, request: SignInRequest): Promise<OidcTokens>;
  /** The client-credentials grant at the token endpoint (RFC 6749 §4.4): the access token a machine client gets for `scope`. */
  clientCredentials(client: { clientId: string; secret: string }, request: { scope: string; resource?: string }): Promise<string>;
  /** A new signing key, first and only in the JWKS; the old ones are removed at once. */
  rotateKeys(): Promise<{ kid: string; retired: string }>;
  /** A new signing key, first in the JWKS; the old ones stay published (the first step of a rotation without a gap). */
  addKey(): Promise<{ kid: string; published: string[] }>;
  /** Takes a key out of the JWKS (the second step). */
  removeKey(kid: string): Promise<{ kid: string; published: string[] }>;
  stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'bin', 'oidc-provider.mjs');

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

async function clientCredentialsOver(
  discovery: Discovery,
  client: { clientId: string; secret: string },
  request: { scope: string; resource: string },
): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.secret)}`).toString('base64');
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: request.scope, resource: request.resource }).toString(),
  });
  const tokens = (await res.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !tokens.access_token)
    throw new Error(`The provider refused the client: ${tokens.error} ${tokens.error_description ?? ''}`);
  return tokens.access_token;
}

/** The cookies of one browser, by name (the provider's paths and expiry are close enough to ignore, bar deletion). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The authorization code flow with PKCE, as the dashboard and a browser do it; the tokens of `email`. */
async function signInOver(
  discovery: Discovery,
  email: string,
  password: string,
  request: SignInRequest & { resource: string },
): Promise<OidcTokens> {
  const jar = new CookieJar();
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(discovery.authorization_endpoint);
  for (const [key, value] of Object.entries({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: 'openid email profile',
    state,
    nonce: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    resource: request.resource,
  }))
    authorize.searchParams.set(key, value);

  const go = async (url: URL, form?: URLSearchParams): Promise<Response> => {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form?.toString(),
    });
    jar.take(res);
    return res;
  };

  let url = authorize;
  let res = await go(url);
  for (let step = 0; step < 10; step++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      if (url.href.startsWith(request.redirectUri)) break;
      res = await go(url);
      continue;
    }
    const page = await res.text();
    const refusal = /<p role="alert">([^<]*)<\/p>/.exec(page)?.[1];
    if (refusal) throw new Error(`The provider refused the sign-in: ${refusal}`);
    const action = /<form method="post" action="([^"]+\/login)"/.exec(page)?.[1];
    if (res.status !== 200 || !action) throw new Error(`The provider answered ${res.status} during sign-in: ${page.slice(0, 300)}`);
    res = await go(new URL(action, url), new URLSearchParams({ email, password }));
  }
  if (url.searchParams.get('state') !== state) throw new Error(`The provider did not come back to the client: ${url.href}`);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`The provider refused: ${url.searchParams.get('error')} ${url.searchParams.get('error_description')}`);

  const tokenRes = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: request.redirectUri,
      client_id: request.clientId,
      code_verifier: verifier,
      resource: request.resource,
    }).toString(),
  });
  const tokens = (await tokenRes.json()) as { access_token?: string; id_token?: string; expires_in?: number; error?: string };
  if (!tokenRes.ok || !tokens.access_token || !tokens.id_token) throw new Error(`The token exchange failed: ${JSON.stringify(tokens)}`);
  return { accessToken: tokens.access_token, idToken: tokens.id_token, expiresIn: tokens.expires_in ?? 0 };
}

/** Reads the provider's next JSON line, or fails when it exits first. */
function lines(child: ChildProcess): () => Promise<Record<string, unknown>> {
  const queue: Array<Record<string, unknown>> = [];
  const waiting: Array<(line: Record<string, unknown> | Error) => void> = [];
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    // The package's own notices (e.g. of development-only defaults) are not answers.
    if (!text.startsWith('{')) return;
    const line = JSON.parse(text) as Record<string, unknown>;
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  child.on('exit', (code) => waiting.splice(0).forEach((w) => w(new Error(`The OIDC provider exited (${code}): ${errors}`))));
  return () =>
    new Promise((resolve, reject) => {
      const line = queue.shift();
      if (line) return resolve(line);
      waiting.push((l) => (l instanceof Error ? reject(l) : resolve(l)));
    });
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<TestOidcProvider> {
  const password = randomBytes(18).toString('base64url');
  const settings = { ...options, users: options.users.map((u) => ({ ...u, password })) };
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...inheritedEnvironment(), CASEFLOW_OIDC_SETTINGS: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = lines(child);
  const ready = (await next()) as { issuer: string; kid: string };
  const discovery = (await (await fetch(`${ready.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
  let sequence = 0;
  const command = async (what: Record<string, unknown>) => {
    const id = ++sequence;
    child.stdin?.write(`${JSON.stringify({ id, ...what })}\n`);
    const answer = (await next()) as { id: number; kid: string; published: string[] };
    if (answer.id !== id) throw new Error('The OIDC provider answered another command');
    provider.kid = answer.kid;
    return { kid: answer.kid, published: answer.published };
  };
  const provider: TestOidcProvider = {
    issuer: ready.issuer,
    jwksUri: discovery.jwks_uri,
    password,
    kid: ready.kid,
    signIn: (email, request) =>
      signInOver(discovery, email, request.password ?? password, { ...request, resource: request.resource ?? options.audience }),
    clientCredentials: (client, request) =>
      clientCredentialsOver(discovery, client, { ...request, resource: request.resource ?? options.audience }),
    rotateKeys: async () => {
      const retired = provider.kid;
      const answer = await command({ rotate: true });
      return { kid: answer.kid, retired };
    },
    addKey: () => command({ add: true }),
    removeKey: (kid) => command({ remove: kid }),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
  return provider;
}
