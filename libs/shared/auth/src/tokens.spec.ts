import { createSecretKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { codeOf } from '@caseflow/testing';
import { createBearerVerifier, mintBearerToken } from './bearer-token';
import { signInternalToken, verifyInternalToken } from './internal-token';
import type { Actor } from './actor';

const casey: Actor = {
  staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001',
  role: 'CASE_MANAGER',
  organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000001',
};
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const verify = createBearerVerifier({ issuer: 'caseflow-dev', audience: 'caseflow', publicKeyPem });
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A token with exactly these claims and signing choices, for the refusals the minting helper would never make. */
function signed(
  key: KeyObject,
  claims: JWTPayload,
  options: { alg?: string; expiresIn?: number; noTimestamp?: boolean; issuer?: string; audience?: string } = {},
): Promise<string> {
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'RS256' })
    .setSubject(casey.staffId)
    .setIssuer(options.issuer ?? 'caseflow-dev')
    .setAudience(options.audience ?? 'caseflow');
  if (!options.noTimestamp) token.setIssuedAt(nowSeconds());
  if (options.expiresIn !== undefined) token.setExpirationTime(nowSeconds() + options.expiresIn);
  return token.sign(key);
}

/** The token with its payload changed and its signature kept. */
function tampered(token: string, change: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...change };
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

const mint = (key = privateKeyPem, extra: Partial<Parameters<typeof mintBearerToken>[2]> = {}) =>
  mintBearerToken(key, casey, { issuer: 'caseflow-dev', audience: 'caseflow', ...extra });

describe('bearer token verification', () => {
  it('accepts a token from the issuer and returns the caller', async () => {
    await expect(verify(`Bearer ${await mint()}`)).resolves.toEqual(casey);
  });

  it('accepts a token living exactly 12 hours', async () => {
    await expect(verify(`Bearer ${await mint(privateKeyPem, { expiresInSeconds: 12 * 3600 })}`)).resolves.toEqual(casey);
  });

  it('mints no token the gateway would refuse for its lifetime', async () => {
    await expect(mint(privateKeyPem, { expiresInSeconds: 12 * 3600 + 1 })).rejects.toThrow('at most 12 hours');
  });

  it('mints the Caseflow claims, with iat, exp and nbf as asked', async () => {
    const now = Math.floor(Date.now() / 1000);
    const [header, payload] = (await mint(privateKeyPem, { expiresInSeconds: 600, notBeforeSeconds: 60, email: 'casey@demo.caseflow' }))
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as JWTPayload);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({
      sub: casey.staffId,
      role: casey.role,
      org: casey.organizationId,
      email: 'casey@demo.caseflow',
      iss: 'caseflow-dev',
      aud: 'caseflow',
    });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(payload.nbf! - payload.iat!).toBe(60);
    expect(Math.abs(payload.iat! - now)).toBeLessThanOrEqual(2);
  });

  it.each([
    ['missing', undefined],
    ['not a bearer', 'Basic abc'],
    ['malformed', 'Bearer not.a.jwt'],
    ['wrongly signed', async () => `Bearer ${await mint(other)}`],
    ['tampered (role raised, signature kept)', async () => `Bearer ${tampered(await mint(), { role: 'SUPERVISOR' })}`],
    ['expired', async () => `Bearer ${await mint(privateKeyPem, { expiresInSeconds: -60 })}`],
    ['not yet valid', async () => `Bearer ${await mint(privateKeyPem, { notBeforeSeconds: 3600 })}`],
    [
      'for another audience',
      async () => `Bearer ${await mintBearerToken(privateKeyPem, casey, { issuer: 'caseflow-dev', audience: 'elsewhere' })}`,
    ],
    ['from another issuer', async () => `Bearer ${await mintBearerToken(privateKeyPem, casey, { issuer: 'evil', audience: 'caseflow' })}`],
    [
      'unsigned (alg none)',
      () =>
        `Bearer ${new UnsecuredJWT({ role: 'SUPERVISOR', org: casey.organizationId })
          .setSubject(casey.staffId)
          .setIssuer('caseflow-dev')
          .setAudience('caseflow')
          .setExpirationTime(nowSeconds() + 600)
          .encode()}`,
    ],
    [
      'HMAC-signed with the public key as its secret',
      async () =>
        `Bearer ${await signed(createSecretKey(Buffer.from(publicKeyPem)), { role: casey.role, org: casey.organizationId }, { alg: 'HS256', expiresIn: 600 })}`,
    ],
    ['without an expiry', async () => `Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId })}`],
    [
      'living 13 hours',
      async () => `Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId }, { expiresIn: 13 * 3600 })}`,
    ],
    [
      'without iat, expiring in 13 hours',
      async () =>
        `Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId }, { expiresIn: 13 * 3600, noTimestamp: true })}`,
    ],
    [
      'issued "in the future" to stretch its lifetime',
      async () =>
        `Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId, iat: nowSeconds() + 6 * 3600, exp: nowSeconds() + 13 * 3600 }, { noTimestamp: true })}`,
    ],
    ['without the role claim', async () => `Bearer ${await signed(keys.privateKey, { org: casey.organizationId }, { expiresIn: 600 })}`],
  ])('refuses a %s token as UNAUTHENTICATED', async (_, header) => {
    const value = typeof header === 'function' ? await header() : header;
    expect(await codeOf(verify(value))).toBe('UNAUTHENTICATED');
  });

  it('reads the Caseflow claims where the issuer puts them, and only there', async () => {
    const names = {
      staffId: 'https://caseflow.example.org/staff_id',
      role: 'https://caseflow.example.org/role',
      organizationId: 'https://caseflow.example.org/org',
    };
    const namespaced = createBearerVerifier({ issuer: 'caseflow-dev', audience: 'caseflow', publicKeyPem, claims: names });
    // As most issuers sign it: their own subject, the Caseflow claims namespaced.
    const theirs = await signed(
      keys.privateKey,
      { sub: 'auth0|5f1c', [names.staffId]: casey.staffId, [names.role]: casey.role, [names.organizationId]: casey.organizationId },
      { expiresIn: 600 },
    );
    await expect(namespaced(`Bearer ${theirs}`)).resolves.toEqual(casey);
    expect(await codeOf(verify(`Bearer ${theirs}`))).toBe('UNAUTHENTICATED');
    // Claims under the default names are not read by a gateway told to look elsewhere.
    const plain = await mint();
    await expect(namespaced(`Bearer ${plain}`)).rejects.toThrow(
      'The bearer token lacks the Caseflow claims (https://caseflow.example.org/staff_id, https://caseflow.example.org/role, https://caseflow.example.org/org)',
    );
  });

  it('names the missing expiry and the over-long lifetime in its refusal', async () => {
    await expect(verify(`Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId })}`)).rejects.toThrow(
      'The bearer token must carry an expiry (exp)',
    );
    await expect(
      verify(`Bearer ${await signed(keys.privateKey, { role: casey.role, org: casey.organizationId }, { expiresIn: 13 * 3600 })}`),
    ).rejects.toThrow('lives longer than 12 hours');
  });
});

describe('internal token', () => {
  const secret = 'secret-a';
  const internal = (claims: JWTPayload, options: { alg?: string; issuer?: string; audience?: string; key?: KeyObject } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'HS256' })
      .setSubject(casey.staffId)
      .setIssuer(options.issuer ?? 'caseflow-gateway')
      .setAudience(options.audience ?? 'caseflow-subgraphs')
      .setIssuedAt()
      .setExpirationTime(nowSeconds() + 60)
      .sign(options.key ?? createSecretKey(Buffer.from(secret)));
  const claims = { role: casey.role, org: casey.organizationId, rid: 'r' };

  it('carries the caller and request id to subgraphs', async () => {
    const token = await signInternalToken({ actor: casey, requestId: 'req-1' }, secret);
    await expect(verifyInternalToken(token, secret)).resolves.toEqual({ actor: casey, requestId: 'req-1' });
  });

  it('is accepted when made by any HS256 signer holding the secret with the same claims', async () => {
    await expect(verifyInternalToken(await internal(claims), secret)).resolves.toEqual({ actor: casey, requestId: 'r' });
  });

  it.each([
    ['missing', async () => undefined],
    ['forged with another key', () => signInternalToken({ actor: { ...casey, role: 'SUPERVISOR' }, requestId: 'r' }, 'guessed')],
    ['expired', () => signInternalToken({ actor: casey, requestId: 'r' }, secret, -10)],
    [
      'tampered (role raised, signature kept)',
      async () => tampered(await signInternalToken({ actor: casey, requestId: 'r' }, secret), { role: 'SUPERVISOR' }),
    ],
    [
      'unsigned (alg none)',
      async () =>
        new UnsecuredJWT(claims).setSubject(casey.staffId).setIssuer('caseflow-gateway').setAudience('caseflow-subgraphs').encode(),
    ],
    ['from another issuer', () => internal(claims, { issuer: 'caseflow-dev' })],
    ['for another audience', () => internal(claims, { audience: 'caseflow' })],
    ['signed with RS256 by a bearer key', () => internal(claims, { alg: 'RS256', key: keys.privateKey })],
    ['without the request id', () => internal({ role: casey.role, org: casey.organizationId })],
  ])('is refused as UNAUTHENTICATED when %s', async (_, token) => {
    const refusal = verifyInternalToken(await token(), secret);
    await expect(refusal).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'This service only answers the Caseflow gateway' });
  });
});
