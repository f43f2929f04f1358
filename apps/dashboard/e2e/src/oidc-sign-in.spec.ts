/**
 * Production sign-in in a real browser: the dashboard configured for an
 * OpenID Connect issuer (config.json), the gateway verifying that issuer's
 * tokens through its JWKS, and a real provider (oidc-provider, in its own
 * process on loopback) with the demo staff as its people. Casey goes to the
 * dashboard, is sent to the provider, signs in there (a wrong password first),
 * comes back through the authorization code flow with PKCE and sees her own
 * caseload; signing out ends the provider's session too.
 */
import { createBearerVerifier } from '@caseflow/auth';
import { demoStaff } from '@caseflow/demo';
import { type TestOidcProvider, freePort, postGraphQL, startOidcProvider } from '@caseflow/testing';
import { type Browser, launchBrowser, screenshot, seriousViolations, watchErrors } from './browser';
import { type DashboardStack, startDashboardStack } from './stack';

const API = 'https://api.caseflow.test';
const CLIENT_ID = 'caseflow-dashboard';
const CASELOAD_NAMES = '{ myCaseload(first: 100) { edges { node { displayName } } } }';

// Read in the page, where sessionStorage exists; this file is compiled for Node.
interface PageGlobals {
  sessionStorage: { getItem(key: string): string | null };
}
const stored = (key: string) => (globalThis as unknown as PageGlobals).sessionStorage.getItem(key);

let env: DashboardStack;
let provider: TestOidcProvider;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  const dashboardUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    audience: API,
    clients: [
      { clientId: CLIENT_ID, redirectUris: [`${dashboardUrl}/signin/callback`], postLogoutRedirectUris: [`${dashboardUrl}/signin`] },
    ],
    users: (['casey', 'jordan'] as const).map((key) => {
      const s = demoStaff(key);
      return { sub: s.id, email: s.email, name: s.displayName, role: s.role, org: s.organizationId };
    }),
  });
  env = await startDashboardStack({
    port,
    oidc: {
      verifyBearer: createBearerVerifier({ issuer: provider.issuer, audience: API, jwksUri: provider.jwksUri }),
      auth: { issuer: provider.issuer, clientId: CLIENT_ID, resource: API },
    },
  });
  browser = await launchBrowser();
  browser.context.on('page', (page) => errors.push(...watchErrors(page)));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
  await provider?.stop();
});

afterEach(() => {
  expect(errors).toEqual([]);
});

describe('signing in to the dashboard at an OpenID Connect provider', () => {
  it('casey is sent to the provider, signs in, comes back with a token for the API and sees her own caseload', async () => {
    const casey = demoStaff('casey');
    const page = await browser.context.newPage();
    await page.goto(`${env.url}/`);
    await page.getByRole('heading', { name: 'Sign in to Caseflow' }).waitFor();
    expect({ violations: await seriousViolations(page) }).toEqual({ violations: [] });
    await page.getByRole('button', { name: 'Sign in with your organization' }).click();

    // At the provider: its own sign-in page, reached with a PKCE challenge and the API as the resource.
    await page.getByRole('heading', { name: 'Sign in to the test identity provider' }).waitFor();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByLabel('Email').fill(casey.email);
    await page.getByLabel('Password').fill(`${provider.password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is not right.').waitFor();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await page.getByLabel('Email').fill(casey.email);
    await page.getByLabel('Password').fill(provider.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Back at the dashboard, through /signin/callback, signed in as casey.
    await page.getByRole('heading', { name: 'My caseload' }).waitFor();
    await page.getByRole('banner').getByText(casey.displayName).waitFor();
    expect(new URL(page.url()).origin).toBe(env.url);

    const session = JSON.parse((await page.evaluate(stored, 'caseflow.session')) as string) as {
      token: string;
      method: string;
    };
    expect(session.method).toBe('oidc');
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: provider.issuer, aud: API, sub: casey.id, role: casey.role, org: casey.organizationId });

    // What the page lists is casey's caseload as the gateway answers it to her token.
    const rows = page.locator('table.caseload tbody tr');
    await rows.first().waitFor();
    await screenshot(page, 'oidc-01-caseload');
    const shown = (await rows.getByRole('link').allTextContents()).map((name) => name.trim());
    const answer = await postGraphQL<{ myCaseload: { edges: Array<{ node: { displayName: string } }> } }>(
      env.stack.gatewayUrl,
      CASELOAD_NAMES,
      {},
      { authorization: `Bearer ${session.token}` },
    );
    const hers = answer.data?.myCaseload.edges.map((e) => e.node.displayName) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    expect(hers).toEqual(expect.arrayContaining(shown));
    expect(await page.evaluate(stored, 'caseflow.oidc.pending')).toBeNull();

    // Signing out ends the session here and at the provider (RP-initiated logout), then comes back to sign-in.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Caseflow' }).waitFor();
    expect(await page.evaluate(stored, 'caseflow.session')).toBeNull();

    // A new sign-in asks for the password again: the provider's session ended too.
    await page.getByRole('button', { name: 'Sign in with your organization' }).click();
    await page.getByRole('heading', { name: 'Sign in to the test identity provider' }).waitFor();
    await page.close();
  });
});
