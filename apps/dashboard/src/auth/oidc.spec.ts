/**
 * @jest-environment node
 */
import { webcrypto } from 'node:crypto';
import {
  type CryptoLike,
  type Discovery,
  OidcError,
  PENDING_KEY,
  base64Url,
  beginSignIn,
  codeChallenge,
  completeSignIn,
  decodeJwtPayload,
  discover,
  signOutUrl,
} from './oidc';

const crypto = webcrypto as unknown as CryptoLike;
const settings = {
  issuer: 'https://id.example.org',
  clientId: 'caseflow-dashboard',
  scope: 'openid profile email',
  redirectUri: 'https://cases.example.org/signin/callback',
};
const discovery: Discovery = {
  issuer: settings.issuer,
  authorization_endpoint: 'https://id.example.org/authorize',
  token_endpoint: 'https://id.example.org/token',
  end_session_endpoint: 'https://id.example.org/logout',
};

function store() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

type Call = { url: string; init?: { method?: string; headers?: Record<string, string>; body?: string } };

function fakeFetch(answer: { ok?: boolean; status?: number; body: unknown }) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: Call['init']) => {
    calls.push({ url, init });
    return { ok: answer.ok ?? true, status: answer.status ?? 200, json: async () => answer.body };
  };
  return { fetch, calls };
}

/** The sign-in's clock: the moment the test runs, and minutes after it. */
const T0 = new Date();
const minutesAfter = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function started(now = T0) {
  const s = store();
  const url = new URL(
    await beginSignIn(
      { crypto, fetch: fakeFetch({ body: {} }).fetch, store: s, now: () => now },
      settings,
      discovery,
      '/clients/42?tab=plan',
    ),
  );
  return { s, url, pending: JSON.parse(s.map.get(PENDING_KEY) as string) };
}

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallenge(crypto, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  });

  it('sends the browser to the issuer with a code challenge, state and nonce it keeps for the callback', async () => {
    const { url, pending } = await started();
    expect(url.origin + url.pathname).toBe('https://id.example.org/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'caseflow-dashboard',
      redirect_uri: settings.redirectUri,
      scope: 'openid profile email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await codeChallenge(crypto, pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    expect(pending.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(pending.state).not.toBe(pending.nonce);
    expect(pending.returnTo).toBe('/clients/42?tab=plan');
  });
});

describe('the callback', () => {
  it('exchanges the code with the verifier and returns the access token, its expiry and where to go', async () => {
    const now = T0;
    const { s, pending } = await started(now);
    const token = fakeFetch({
      body: { access_token: 'access.jwt.token', token_type: 'Bearer', expires_in: 900, id_token: jwt({ nonce: pending.nonce }) },
    });
    const result = await completeSignIn(
      { crypto, fetch: token.fetch, store: s, now: () => now },
      settings,
      discovery,
      `${settings.redirectUri}?code=abc&state=${pending.state}`,
    );
    expect(result).toEqual({
      token: 'access.jwt.token',
      expiresAt: minutesAfter(15).toISOString(),
      idToken: expect.any(String),
      returnTo: '/clients/42?tab=plan',
    });
    expect(token.calls).toHaveLength(1);
    expect(token.calls[0].url).toBe(discovery.token_endpoint);
    expect(token.calls[0].init?.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(token.calls[0].init?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'abc',
      redirect_uri: settings.redirectUri,
      client_id: 'caseflow-dashboard',
      code_verifier: pending.codeVerifier,
    });
    expect(s.map.has(PENDING_KEY)).toBe(false);
  });

  it('names the API as a resource indicator (RFC 8707) in the authorization request and the code exchange when configured', async () => {
    const withResource = { ...settings, resource: 'https://api.cases.example.org' };
    const s = store();
    const url = new URL(
      await beginSignIn({ crypto, fetch: fakeFetch({ body: {} }).fetch, store: s, now: () => T0 }, withResource, discovery, '/'),
    );
    expect(url.searchParams.getAll('resource')).toEqual(['https://api.cases.example.org']);
    const pending = JSON.parse(s.map.get(PENDING_KEY) as string);
    const token = fakeFetch({ body: { access_token: 'access.jwt.token', token_type: 'Bearer', expires_in: 900 } });
    await completeSignIn(
      { crypto, fetch: token.fetch, store: s, now: () => T0 },
      withResource,
      discovery,
      `${settings.redirectUri}?code=abc&state=${pending.state}`,
    );
    expect(new URLSearchParams(token.calls[0].init?.body).getAll('resource')).toEqual(['https://api.cases.example.org']);
  });

  it('refuses a state it did not issue, without calling the issuer, and cannot be replayed', async () => {
    const { s, pending } = await started();
    const token = fakeFetch({ body: { access_token: 'x' } });
    const deps = { crypto, fetch: token.fetch, store: s, now: () => T0 };
    await expect(completeSignIn(deps, settings, discovery, `${settings.redirectUri}?code=abc&state=forged`)).rejects.toThrow(
      'does not match',
    );
    await expect(completeSignIn(deps, settings, discovery, `${settings.redirectUri}?code=abc&state=${pending.state}`)).rejects.toThrow(
      'not started in this tab',
    );
    expect(token.calls).toHaveLength(0);
  });

  it('refuses an ID token made for another request (nonce), an issuer error and a sign-in left too long', async () => {
    const { s, pending } = await started();
    const wrongNonce = fakeFetch({ body: { access_token: 'x', token_type: 'Bearer', expires_in: 60, id_token: jwt({ nonce: 'other' }) } });
    await expect(
      completeSignIn(
        { crypto, fetch: wrongNonce.fetch, store: s, now: () => T0 },
        settings,
        discovery,
        `${settings.redirectUri}?code=abc&state=${pending.state}`,
      ),
    ).rejects.toBeInstanceOf(OidcError);

    const denied = await started();
    await expect(
      completeSignIn(
        { crypto, fetch: fakeFetch({ body: {} }).fetch, store: denied.s, now: () => new Date() },
        settings,
        discovery,
        `${settings.redirectUri}?error=access_denied&state=${denied.pending.state}`,
      ),
    ).rejects.toThrow('Sign-in was cancelled.');

    const late = await started(T0);
    await expect(
      completeSignIn(
        { crypto, fetch: fakeFetch({ body: { access_token: 'x' } }).fetch, store: late.s, now: () => minutesAfter(11) },
        settings,
        discovery,
        `${settings.redirectUri}?code=abc&state=${late.pending.state}`,
      ),
    ).rejects.toThrow('took too long');
  });

  it('reports a failed code exchange with the issuer’s words', async () => {
    const { s, pending } = await started();
    const refused = fakeFetch({ ok: false, status: 400, body: { error: 'invalid_grant', error_description: 'The code has expired.' } });
    await expect(
      completeSignIn(
        { crypto, fetch: refused.fetch, store: s, now: () => T0 },
        settings,
        discovery,
        `${settings.redirectUri}?code=abc&state=${pending.state}`,
      ),
    ).rejects.toThrow('The code has expired.');
  });
});

describe('discovery and sign-out', () => {
  it('reads the issuer’s endpoints and refuses a document of another issuer', async () => {
    const good = fakeFetch({ body: { ...discovery } });
    expect(await discover(good.fetch, 'https://id.example.org/')).toEqual(discovery);
    expect(good.calls[0].url).toBe('https://id.example.org/.well-known/openid-configuration');
    await expect(discover(fakeFetch({ body: { ...discovery, issuer: 'https://evil.example' } }).fetch, settings.issuer)).rejects.toThrow(
      'different issuer',
    );
  });

  it('ends the issuer session with the ID token as a hint', () => {
    const url = new URL(signOutUrl(discovery, settings, 'id.tok', 'https://cases.example.org/signin') as string);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'caseflow-dashboard',
      post_logout_redirect_uri: 'https://cases.example.org/signin',
      id_token_hint: 'id.tok',
    });
    expect(signOutUrl({ ...discovery, end_session_endpoint: undefined }, settings, null, 'x')).toBeNull();
  });

  it('reads a JWT payload, and nothing from a malformed one', () => {
    expect(decodeJwtPayload(jwt({ sub: 'é', exp: 5 }))).toEqual({ sub: 'é', exp: 5 });
    expect(decodeJwtPayload('garbage')).toBeNull();
  });
});
