/**
 * The gateway in front of a real OpenID Connect provider (oidc-provider, in
 * its own process on loopback), set up as production sets it up: from its
 * settings (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL and the JWKS cache's
 * times, shortened here so that nothing waits long). People sign in at the
 * provider by the authorization code flow with PKCE; the gateway verifies the
 * provider's access tokens through its JWKS, refuses one for another API, an
 * ID token, an expired token, and follows the provider's key rotation without
 * a restart.
 */
import { createLogger } from '@caseflow/core';
import { type DemoStaff, demoStaff } from '@caseflow/demo';
import { type Gateway, createGateway, gatewayOptionsFrom, loadGatewayConfig } from '@caseflow/gateway';
import { SUPERGRAPH_FILE } from '@caseflow/platform';
import { type GraphQLResponse, type TestOidcProvider, errorCodes, postGraphQL, startOidcProvider } from '@caseflow/testing';
import { operation } from './contract';
import { type TestStack, startTestStack, statementCounts, subgraphSettings } from './harness';

const API = 'https://api.caseflow.test';
const OTHER_API = 'https://reports.example.test';
const DASHBOARD = { clientId: 'caseflow-dashboard', redirectUri: 'http://127.0.0.1:4200/signin/callback' };
const SHORT_LIVED = { clientId: 'short-lived-tokens', redirectUri: 'http://127.0.0.1:4200/signin/callback' };
const SHORT_TTL_SECONDS = 2;
/** The gateway's clock tolerance for expiry (bearer-token.ts). */
const CLOCK_TOLERANCE_SECONDS = 5;
const JWKS_CACHE_MAX_AGE_MS = 1000;
const JWKS_COOLDOWN_MS = 200;
const CASELOAD = operation('caseload');
const ME = '{ me { id displayName role organization { id } } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function asUser(s: DemoStaff) {
  return { sub: s.id, email: s.email, name: s.displayName, role: s.role, org: s.organizationId };
}

function claimsOf(jwt: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[part], 'base64url').toString('utf8')) as Record<string, unknown>;
}

let stack: TestStack;
let provider: TestOidcProvider;
let gateway: Gateway;
let gatewayUrl: string;

/** A gateway in front of the stack's subgraphs, set up from its settings as production sets it up, verifying `issuer`'s tokens. */
function gatewayFor(issuer: TestOidcProvider, settings: Record<string, string> = {}): Promise<Gateway> {
  const config = loadGatewayConfig(SUPERGRAPH_FILE, {
    NODE_ENV: 'production',
    ...subgraphSettings(stack),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: API,
    AUTH_JWKS_URL: issuer.jwksUri,
    AUTH_JWKS_CACHE_MAX_AGE_MS: String(JWKS_CACHE_MAX_AGE_MS),
    AUTH_JWKS_COOLDOWN_MS: String(JWKS_COOLDOWN_MS),
    ...settings,
  });
  return createGateway(gatewayOptionsFrom(config, createLogger('gateway', 'silent')));
}

beforeAll(async () => {
  [stack, provider] = await Promise.all([
    startTestStack({ production: true }),
    startOidcProvider({
      audience: API,
      otherAudiences: [OTHER_API],
      clients: [
        { clientId: DASHBOARD.clientId, redirectUris: [DASHBOARD.redirectUri] },
        { clientId: SHORT_LIVED.clientId, redirectUris: [SHORT_LIVED.redirectUri], accessTokenTtlSeconds: SHORT_TTL_SECONDS },
      ],
      users: (['casey', 'pat', 'alex'] as const).map((key) => asUser(demoStaff(key))),
    }),
  ]);
  gateway = await gatewayFor(provider);
  gatewayUrl = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}/graphql`;
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await provider?.stop();
  await stack?.stop();
});

const withToken = (token: string, query = ME, variables: Record<string, unknown> = {}) =>
  postGraphQL(gatewayUrl, query, variables, { authorization: `Bearer ${token}` });

/** Sends `token` and expects 401 UNAUTHENTICATED with no data, refused before any subgraph ran a statement. */
async function expectRefused(token: string, query = ME): Promise<void> {
  const statements = statementCounts(stack);
  const res: GraphQLResponse = await withToken(token, query);
  expect({ status: res.status, codes: errorCodes(res), data: res.data ?? null }).toEqual({
    status: 401,
    codes: ['UNAUTHENTICATED'],
    data: null,
  });
  expect(statementCounts(stack)).toEqual(statements);
}

describe('the gateway with a real OpenID Connect provider', () => {
  it('casey signs in at the provider and the gateway answers her caseload, as it does for the same person by any issuer', async () => {
    const tokens = await provider.signIn('casey@demo.caseflow', DASHBOARD);
    const casey = demoStaff('casey');
    expect(claimsOf(tokens.accessToken, 1)).toMatchObject({
      iss: provider.issuer,
      aud: API,
      sub: casey.id,
      role: casey.role,
      org: casey.organizationId,
    });

    const me = await withToken(tokens.accessToken);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { id: casey.id, displayName: casey.displayName, role: casey.role, organization: { id: casey.organizationId } },
    });

    const caseload = await withToken(tokens.accessToken, CASELOAD);
    expect(caseload.errors).toBeUndefined();
    const expected = await stack.as('casey', CASELOAD);
    expect(caseload.data).toEqual(expected.data);
    expect((caseload.data as { myCaseload: { totalCount: number } }).myCaseload.totalCount).toBeGreaterThan(0);
  });

  it('refuses a wrong password at the provider, and the provider gives no code', async () => {
    await expect(provider.signIn('casey@demo.caseflow', { ...DASHBOARD, password: `${provider.password}x` })).rejects.toThrow(
      'The provider refused the sign-in: The email or password is not right.',
    );
  });

  it("refuses the provider's tokens for another API and its ID tokens: UNAUTHENTICATED, nothing runs", async () => {
    const other = await provider.signIn('pat@demo.caseflow', { ...DASHBOARD, resource: OTHER_API });
    expect(claimsOf(other.accessToken, 1)).toMatchObject({ iss: provider.issuer, aud: OTHER_API, sub: demoStaff('pat').id });
    await expectRefused(other.accessToken, CASELOAD);
    // An ID token is for the dashboard (its audience is the client), never a key to the API.
    const signedIn = await provider.signIn('pat@demo.caseflow', DASHBOARD);
    expect(claimsOf(signedIn.idToken, 1)).toMatchObject({ aud: DASHBOARD.clientId, sub: demoStaff('pat').id });
    await expectRefused(signedIn.idToken);
    // The same person's access token for Caseflow opens it.
    expect((await withToken(signedIn.accessToken)).data).toMatchObject({ me: { id: demoStaff('pat').id } });
  });

  it('refuses an access token once it has expired', async () => {
    const tokens = await provider.signIn('alex@demo.caseflow', SHORT_LIVED);
    const { iat, exp } = claimsOf(tokens.accessToken, 1) as { iat: number; exp: number };
    expect(exp - iat).toBe(SHORT_TTL_SECONDS);
    expect((await withToken(tokens.accessToken)).data).toMatchObject({ me: { id: demoStaff('alex').id } });
    await sleep(Math.max(0, (exp + CLOCK_TOLERANCE_SECONDS + 1) * 1000 - Date.now()));
    await expectRefused(tokens.accessToken);
  });

  it("follows the provider's key rotation without a restart, and refuses tokens of the removed key once its keys are read again", async () => {
    const before = await provider.signIn('casey@demo.caseflow', DASHBOARD);
    const firstKid = claimsOf(before.accessToken, 0).kid;
    expect((await withToken(before.accessToken)).errors).toBeUndefined();

    // A new key, first and only in the JWKS: the token it signs has a key id the gateway has not seen, so it reads the JWKS again.
    const rotated = await provider.rotateKeys();
    expect(rotated.retired).toBe(firstKid);
    const after = await provider.signIn('casey@demo.caseflow', DASHBOARD);
    expect(claimsOf(after.accessToken, 0).kid).toBe(rotated.kid);
    await sleep(JWKS_COOLDOWN_MS);
    expect((await withToken(after.accessToken)).data).toMatchObject({ me: { id: demoStaff('casey').id } });
    // The keys it read no longer hold the retired one.
    await expectRefused(before.accessToken);

    // Rotated again: once the cached set is older than its maximum age it is read again, and the key just retired stops verifying.
    const again = await provider.rotateKeys();
    await sleep(JWKS_CACHE_MAX_AGE_MS + 200);
    await expectRefused(after.accessToken);
    const latest = await provider.signIn('casey@demo.caseflow', DASHBOARD);
    expect(claimsOf(latest.accessToken, 0).kid).toBe(again.kid);
    expect((await withToken(latest.accessToken)).data).toMatchObject({ me: { id: demoStaff('casey').id } });
  });
  it('follows a rotation in two steps without a gap: both keys verify while both are published, the old one stops once removed', async () => {
    const casey = demoStaff('casey');
    const before = await provider.signIn(casey.email, DASHBOARD);
    const oldKid = claimsOf(before.accessToken, 0).kid;
    const added = await provider.addKey();
    expect(added.published).toEqual([added.kid, oldKid]);
    const after = await provider.signIn(casey.email, DASHBOARD);
    expect(claimsOf(after.accessToken, 0).kid).toBe(added.kid);
    await sleep(JWKS_COOLDOWN_MS);
    expect((await withToken(after.accessToken)).data).toMatchObject({ me: { id: casey.id } });
    expect((await withToken(before.accessToken)).data).toMatchObject({ me: { id: casey.id } });

    expect((await provider.removeKey(oldKid as string)).published).toEqual([added.kid]);
    await sleep(JWKS_CACHE_MAX_AGE_MS + 200);
    await expectRefused(before.accessToken);
    expect((await withToken(after.accessToken)).data).toMatchObject({ me: { id: casey.id } });
  });
});

describe('a provider that sets sub itself and carries the Caseflow claims under its own names', () => {
  const names = {
    staffId: 'https://caseflow.example.org/staff_id',
    role: 'https://caseflow.example.org/role',
    organizationId: 'https://caseflow.example.org/org',
  };
  let own: TestOidcProvider;
  let ownGateway: Gateway;
  let url: string;
  beforeAll(async () => {
    own = await startOidcProvider({
      audience: API,
      clients: [{ clientId: DASHBOARD.clientId, redirectUris: [DASHBOARD.redirectUri] }],
      users: [asUser(demoStaff('jordan'))],
      claimNames: names,
    });
    ownGateway = await gatewayFor(own, {
      AUTH_STAFF_ID_CLAIM: names.staffId,
      AUTH_ROLE_CLAIM: names.role,
      AUTH_ORG_CLAIM: names.organizationId,
    });
    url = `http://127.0.0.1:${await ownGateway.listen(0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    await ownGateway?.stop();
    await own?.stop();
  });

  it('jordan signs in and the gateway finds the staff member in the claims it was told of', async () => {
    const jordan = demoStaff('jordan');
    const tokens = await own.signIn(jordan.email, DASHBOARD);
    const claims = claimsOf(tokens.accessToken, 1);
    expect(claims.sub).not.toBe(jordan.id);
    expect(claims).toMatchObject({ [names.staffId]: jordan.id, [names.role]: jordan.role, [names.organizationId]: jordan.organizationId });
    const res = await postGraphQL(url, CASELOAD, {}, { authorization: `Bearer ${tokens.accessToken}` });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual((await stack.as('jordan', CASELOAD)).data);
  });
});
