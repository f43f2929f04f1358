/**
 * Production sign-in: the OpenID Connect authorization code flow with PKCE
 * (RFC 7636, S256) against the configured issuer, for a public client (a
 * single-page app holds no secret). The browser is sent to the issuer with a
 * code challenge, a one-time `state` and a `nonce`; on its way back the state
 * must match the one this tab stored, the code is exchanged with the code
 * verifier, and the ID token's nonce must be ours. The access token is what
 * the gateway verifies (issuer, audience, signature, expiry, Caseflow
 * claims); the dashboard never trusts a token's claims for access.
 */
import type { KeyValueStore } from './session';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  /** Some issuers need the API's audience named in the authorization request. */
  audience?: string;
  /** The API as a resource indicator (RFC 8707), for issuers that mint access tokens per resource; sent with the code too. */
  resource?: string;
}

export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

export interface CryptoLike {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
}

type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface OidcDeps {
  crypto: CryptoLike;
  fetch: FetchLike;
  store: KeyValueStore;
  now: () => Date;
}

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  startedAt: string;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  idToken: string | null;
  returnTo: string;
}

export const PENDING_KEY = 'caseflow.oidc.pending';
/** A sign-in not finished within this time is refused (the person starts again). */
export const PENDING_MAX_AGE_MS = 10 * 60_000;

export class OidcError extends Error {
  override name = 'OidcError';
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string of `bytes` bytes of entropy (32 bytes → 43 characters, a valid code verifier). */
export function randomString(crypto: CryptoLike, bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(crypto: CryptoLike, verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** The issuer's endpoints from its discovery document; the document must be the issuer's own. */
export async function discover(fetchFn: FetchLike, issuer: string): Promise<Discovery> {
  const res = await fetchFn(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new OidcError(`The sign-in service could not be reached (${res.status}).`);
  const doc = (await res.json()) as Partial<Discovery>;
  if (!doc.authorization_endpoint || !doc.token_endpoint) throw new OidcError('The sign-in service did not describe its endpoints.');
  if (doc.issuer && doc.issuer.replace(/\/$/, '') !== issuer.replace(/\/$/, ''))
    throw new OidcError('The sign-in service describes a different issuer.');
  return {
    issuer: doc.issuer ?? issuer,
    authorization_endpoint: doc.authorization_endpoint,
    token_endpoint: doc.token_endpoint,
    end_session_endpoint: doc.end_session_endpoint,
  };
}

/** Stores a one-time state, nonce and code verifier and returns the issuer's authorization URL to go to. */
export async function beginSignIn(deps: OidcDeps, settings: OidcSettings, discovery: Discovery, returnTo: string): Promise<string> {
  const pending: PendingSignIn = {
    state: randomString(deps.crypto),
    nonce: randomString(deps.crypto),
    codeVerifier: randomString(deps.crypto, 48),
    returnTo,
    startedAt: deps.now().toISOString(),
  };
  deps.store.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(deps.crypto, pending.codeVerifier),
    code_challenge_method: 'S256',
    ...(settings.audience ? { audience: settings.audience } : {}),
    ...(settings.resource ? { resource: settings.resource } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** The claims of a JWT, read without verifying it (the gateway verifies; this only reads the nonce and expiry). */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const padded = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const json = decodeURIComponent(
      Array.from(atob(padded))
        .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
        .join(''),
    );
    const claims: unknown = JSON.parse(json);
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function takePending(store: KeyValueStore): PendingSignIn | null {
  const raw = store.getItem(PENDING_KEY);
  // One use only: whatever happens next, this state cannot be replayed.
  store.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PendingSignIn;
  } catch {
    return null;
  }
}

/** Checks the issuer's answer at the redirect URI and exchanges the code for tokens. */
export async function completeSignIn(deps: OidcDeps, settings: OidcSettings, discovery: Discovery, callbackUrl: string): Promise<SignedIn> {
  const params = new URL(callbackUrl).searchParams;
  const pending = takePending(deps.store);
  const error = params.get('error');
  if (error)
    throw new OidcError(
      params.get('error_description') || (error === 'access_denied' ? 'Sign-in was cancelled.' : `The sign-in service refused: ${error}.`),
    );
  const code = params.get('code');
  const state = params.get('state');
  if (!code || !state) throw new OidcError('The sign-in answer is incomplete. Start again.');
  if (!pending) throw new OidcError('This sign-in was not started in this tab, or was already used. Start again.');
  if (pending.state !== state) throw new OidcError('The sign-in answer does not match the request. Start again.');
  if (deps.now().getTime() - Date.parse(pending.startedAt) > PENDING_MAX_AGE_MS)
    throw new OidcError('The sign-in took too long. Start again.');

  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: settings.redirectUri,
    client_id: settings.clientId,
    code_verifier: pending.codeVerifier,
    ...(settings.resource ? { resource: settings.resource } : {}),
  });
  const res = await deps.fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: body.toString(),
  });
  const tokens = (await res.json().catch(() => ({}))) as {
    access_token?: string;
    token_type?: string;
    expires_in?: number;
    id_token?: string;
    error?: string;
    error_description?: string;
  };
  if (!res.ok || !tokens.access_token)
    throw new OidcError(tokens.error_description || `The sign-in service did not give a token${tokens.error ? ` (${tokens.error})` : ''}.`);
  if (tokens.token_type && tokens.token_type.toLowerCase() !== 'bearer')
    throw new OidcError(`The sign-in service gave a ${tokens.token_type} token; a bearer token is needed.`);

  if (tokens.id_token) {
    const claims = decodeJwtPayload(tokens.id_token);
    if (!claims || claims.nonce !== pending.nonce) throw new OidcError('The sign-in answer was not made for this request. Start again.');
  }

  const now = deps.now().getTime();
  const exp = decodeJwtPayload(tokens.access_token)?.exp;
  const expiresAtMs =
    typeof tokens.expires_in === 'number' ? now + tokens.expires_in * 1000 : typeof exp === 'number' ? exp * 1000 : now + 3600_000;
  return {
    token: tokens.access_token,
    expiresAt: new Date(expiresAtMs).toISOString(),
    idToken: tokens.id_token ?? null,
    returnTo: pending.returnTo,
  };
}

/** The issuer's sign-out URL (RP-initiated logout), when it has one. */
export function signOutUrl(
  discovery: Discovery,
  settings: OidcSettings,
  idToken: string | null | undefined,
  postLogoutRedirectUri: string,
): string | null {
  if (!discovery.end_session_endpoint) return null;
  const url = new URL(discovery.end_session_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
  if (idToken) url.searchParams.set('id_token_hint', idToken);
  return url.toString();
}
