import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AppError } from '@caseflow/core';
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
const mint = (key = privateKeyPem, extra: Partial<Parameters<typeof mintBearerToken>[2]> = {}) =>
  mintBearerToken(key, casey, { issuer: 'caseflow-dev', audience: 'caseflow', ...extra });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('bearer token verification', () => {
  it('accepts a token from the issuer and returns the caller', async () => {
    await expect(verify(`Bearer ${mint()}`)).resolves.toEqual(casey);
  });

  it('accepts a token living exactly 12 hours', async () => {
    await expect(verify(`Bearer ${mint(privateKeyPem, { expiresInSeconds: 12 * 3600 })}`)).resolves.toEqual(casey);
  });

  it('mints no token the gateway would refuse for its lifetime', () => {
    expect(() => mint(privateKeyPem, { expiresInSeconds: 12 * 3600 + 1 })).toThrow('at most 12 hours');
  });

  it.each([
    ['missing', undefined],
    ['not a bearer', 'Basic abc'],
    ['malformed', 'Bearer not.a.jwt'],
    ['wrongly signed', () => `Bearer ${mint(other)}`],
    ['expired', () => `Bearer ${mint(privateKeyPem, { expiresInSeconds: -60 })}`],
    ['not yet valid', () => `Bearer ${mint(privateKeyPem, { notBeforeSeconds: 3600 })}`],
    ['for another audience', () => `Bearer ${mintBearerToken(privateKeyPem, casey, { issuer: 'caseflow-dev', audience: 'elsewhere' })}`],
    ['from another issuer', () => `Bearer ${mintBearerToken(privateKeyPem, casey, { issuer: 'evil', audience: 'caseflow' })}`],
    [
      'unsigned (alg none)',
      () =>
        `Bearer ${jwt.sign({ role: 'SUPERVISOR', org: casey.organizationId }, '', { algorithm: 'none', subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'HMAC-signed with the public key as its secret',
      () =>
        `Bearer ${jwt.sign({ role: casey.role, org: casey.organizationId }, Buffer.from(publicKeyPem), { algorithm: 'HS256', expiresIn: 600, subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'without an expiry',
      () =>
        `Bearer ${jwt.sign({ role: casey.role, org: casey.organizationId }, privateKeyPem, { algorithm: 'RS256', subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'living 13 hours',
      () =>
        `Bearer ${jwt.sign({ role: casey.role, org: casey.organizationId }, privateKeyPem, { algorithm: 'RS256', expiresIn: 13 * 3600, subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'without iat, expiring in 13 hours',
      () =>
        `Bearer ${jwt.sign({ role: casey.role, org: casey.organizationId, exp: Math.floor(Date.now() / 1000) + 13 * 3600 }, privateKeyPem, { algorithm: 'RS256', noTimestamp: true, subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'issued "in the future" to stretch its lifetime',
      () =>
        `Bearer ${jwt.sign({ role: casey.role, org: casey.organizationId, iat: Math.floor(Date.now() / 1000) + 6 * 3600, exp: Math.floor(Date.now() / 1000) + 13 * 3600 }, privateKeyPem, { algorithm: 'RS256', subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
    [
      'without the role claim',
      () =>
        `Bearer ${jwt.sign({ org: casey.organizationId }, privateKeyPem, { algorithm: 'RS256', subject: casey.staffId, issuer: 'caseflow-dev', audience: 'caseflow' })}`,
    ],
  ])('refuses a %s token as UNAUTHENTICATED', async (_, header) => {
    const value = typeof header === 'function' ? header() : header;
    expect(await codeOf(verify(value))).toBe('UNAUTHENTICATED');
  });
});

describe('internal token', () => {
  it('carries the caller and request id to subgraphs', () => {
    const token = signInternalToken({ actor: casey, requestId: 'req-1' }, 'secret-a');
    expect(verifyInternalToken(token, 'secret-a')).toEqual({ actor: casey, requestId: 'req-1' });
  });

  it('is refused when missing, forged with another key, or expired', async () => {
    expect(await codeOf(Promise.resolve().then(() => verifyInternalToken(undefined, 'secret-a')))).toBe('UNAUTHENTICATED');
    const forged = signInternalToken({ actor: { ...casey, role: 'SUPERVISOR' }, requestId: 'r' }, 'guessed');
    expect(await codeOf(Promise.resolve().then(() => verifyInternalToken(forged, 'secret-a')))).toBe('UNAUTHENTICATED');
    const expired = signInternalToken({ actor: casey, requestId: 'r' }, 'secret-a', -10);
    expect(await codeOf(Promise.resolve().then(() => verifyInternalToken(expired, 'secret-a')))).toBe('UNAUTHENTICATED');
  });
});
