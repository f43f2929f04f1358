// A real OpenID Connect provider for the tests (the certified `oidc-provider`
// package), in its own Node process on loopback: jest's module sandbox cannot
// load this ES module. It signs JWT access tokens for the Caseflow API as an
// agency's identity provider would: the API as the audience (RFC 8707
// resource indicators), sub = staff id with `role` and `org` — or, given
// claim names, its own subject with the staff id, role and organization in
// those claims. It signs people in with a plain email and password form, and
// never asks a first-party client for consent.
//
// Usage: CASEFLOW_OIDC_SETTINGS='<json, see oidc-provider.ts>' node oidc-provider.mjs
// It prints one JSON line once listening ({ issuer, kid }), then answers each
// JSON line on stdin — { id, rotate: true }, { id, add: true } or
// { id, remove: kid } — with { id, kid, published }: the key signing now and
// the key ids of its JWKS. An identity provider's key rotation, in one step
// or two, without a restart of this process.
// Machine clients (`machineClients`: a partner's system) get client-credentials
// access tokens for the API: `client_id`, the scopes granted, and `org` when
// the client has a partner organization.
import { generateKeyPairSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import Provider, { errors } from 'oidc-provider';

const settings = JSON.parse(process.env.CASEFLOW_OIDC_SETTINGS ?? '{}');
const users = settings.users ?? [];
// The provider's own subject of each person: their staff id, or (told claim names, as most providers work) an id of its own.
const names = settings.claimNames;
for (const user of users) user.accountId = names ? `idp-${randomUUID()}` : user.sub;
const byId = new Map(users.map((u) => [u.accountId, u]));
const cookieKeys = [randomBytes(32).toString('base64url')];

function signingKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function sameSecret(given, expected) {
  const a = Buffer.from(String(given ?? ''));
  const b = Buffer.from(String(expected ?? ''));
  return a.length === b.length && timingSafeEqual(a, b);
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page of the provider: no script, no style from elsewhere. */
function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} – test identity provider</title></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid, clientId, message) {
  return page(
    'Sign in',
    `<h1>Sign in to the test identity provider</h1>
<p>to continue to ${escapeHtml(clientId)}</p>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}

function configuration(jwks) {
  const audiences = new Set([settings.audience, ...(settings.otherAudiences ?? [])]);
  const ttlOf = new Map((settings.clients ?? []).map((c) => [c.clientId, c.accessTokenTtlSeconds ?? 600]));
  const machines = new Map((settings.machineClients ?? []).map((c) => [c.clientId, c]));
  return {
    clients: [
      ...(settings.clients ?? []).map((c) => ({
        client_id: c.clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: c.redirectUris,
        post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      })),
      ...[...machines.values()].map((c) => ({
        client_id: c.clientId,
        client_secret: c.secret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: c.scope,
      })),
    ],
    jwks: { keys: jwks },
    cookies: { keys: cookieKeys },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    scopes: ['openid', 'email', 'profile', 'directory:read', 'directory:write'],
    findAccount: (_ctx, sub) => {
      const user = byId.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: user.email, email_verified: true, name: user.name }) };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign out',
            `<h1>Sign out of the test identity provider?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button> <button type="submit" form="op.logoutForm">No, stay signed in</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = page('Signed out', '<h1>You are signed out</h1>');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (!audiences.has(indicator)) throw new errors.InvalidTarget();
          return {
            audience: indicator,
            scope: 'api directory:read directory:write',
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // What the gateway reads from an access token for the Caseflow API: the staff member's role and agency.
    extraTokenClaims: (_ctx, token) => {
      const machine = token.kind === 'ClientCredentials' ? machines.get(token.clientId) : undefined;
      if (machine) return machine.org && token.resourceServer?.audience === settings.audience ? { org: machine.org } : undefined;
      const user = token.kind === 'AccessToken' ? byId.get(token.accountId) : undefined;
      if (!user || token.resourceServer?.audience !== settings.audience) return undefined;
      if (names) return { [names.staffId]: user.sub, [names.role]: user.role, [names.organizationId]: user.org, email: user.email };
      return { role: user.role, org: user.org, email: user.email };
    },
    ttl: {
      AccessToken: (_ctx, token) => ttlOf.get(token.clientId) ?? 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<h1>Sign-in error</h1><p>${escapeHtml(out.error)}: ${escapeHtml(out.error_description ?? '')}</p>`);
    },
  };
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** The sign-in and (for first-party clients, without asking) consent steps of an authorization request. */
async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;
  if (prompt.name === 'login') {
    if (req.method === 'GET') return send(res, 200, loginPage(uid, params.client_id));
    const form = await readForm(req);
    const email = String(form.get('email') ?? '')
      .trim()
      .toLowerCase();
    const user = users.find((u) => u.email.toLowerCase() === email);
    if (!user || !sameSecret(form.get('password'), user.password)) {
      return send(res, 200, loginPage(uid, params.client_id, 'The email or password is not right.'));
    }
    return provider.interactionFinished(req, res, { login: { accountId: user.accountId } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  return send(res, 400, 'Unknown interaction');
}

let provider;
let handle;
// The signing keys, the first one signing; all of them published in the JWKS.
let keys = [signingKey()];
const server = createServer((req, res) => {
  if (req.url?.startsWith('/interaction/')) {
    interaction(provider, req, res).catch((error) => send(res, 400, escapeHtml(error.message)));
    return;
  }
  handle(req, res);
});
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const start = () => {
    provider = new Provider(issuer, configuration(keys));
    handle = provider.callback();
  };
  start();
  process.stdout.write(`${JSON.stringify({ issuer, kid: keys[0].kid })}\n`);

  // Sessions, grants and codes live in the package's in-memory store, which every Provider of this process shares.
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line);
    // rotate: a new key replaces every other; add: a new key signs from now on, the others stay published; remove: one key leaves.
    if (command.rotate) keys = [signingKey()];
    else if (command.add) keys = [signingKey(), ...keys];
    else if (command.remove) keys = keys.filter((k) => k.kid !== command.remove);
    if (!keys.length) keys = [signingKey()];
    start();
    process.stdout.write(`${JSON.stringify({ id: command.id, kid: keys[0].kid, published: keys.map((k) => k.kid) })}\n`);
  });
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
