import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { codeOf } from '@caseflow/testing';
import { createBearerVerifier } from './bearer-token';
import type { Actor } from './actor';

const casey: Actor = {
  staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001',
  role: 'CASE_MANAGER',
  organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000001',
};
const issuer = 'https://issuer.test';
const audience = 'caseflow';

function signingKey(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'ES256' } };
}
type SigningKey = ReturnType<typeof signingKey>;

const tokenOf = async (key: SigningKey) =>
  `Bearer ${await new SignJWT({ role: casey.role, org: casey.organizationId })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(casey.staffId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key.privateKey)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stand-in OIDC issuer: serves the keys it currently holds, or fails, and counts the fetches. */
class FakeIssuer {
  keys: SigningKey[] = [];
  failing = false;
  fetches = 0;
  private server: Server = createServer((_, response) => {
    this.fetches += 1;
    if (this.failing) return void response.writeHead(503).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('bearer tokens from an issuer JWKS', () => {
  const fake = new FakeIssuer();
  let jwksUri: string;
  beforeAll(async () => {
    jwksUri = await fake.start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.fetches = 0;
    fake.failing = false;
  });

  it('picks up a rotated key, and stops accepting the retired one once the cached set ages', async () => {
    const first = signingKey('k1');
    const second = signingKey('k2');
    fake.keys = [first];
    const verify = createBearerVerifier({ issuer, audience, jwksUri, jwks: { cacheMaxAgeMs: 300, cooldownMs: 50 } });
    await expect(verify(await tokenOf(first))).resolves.toEqual(casey);
    await expect(verify(await tokenOf(first))).resolves.toEqual(casey);
    expect(fake.fetches).toBe(1);

    fake.keys = [second];
    await sleep(60);
    // An unknown key id refetches (the cooldown has passed): the new key verifies at once.
    await expect(verify(await tokenOf(second))).resolves.toEqual(casey);
    expect(fake.fetches).toBe(2);

    await sleep(320);
    // The set has aged past its max age: it is refetched and the retired key no longer verifies.
    expect(await codeOf(verify(await tokenOf(first)))).toBe('UNAUTHENTICATED');
    expect(fake.fetches).toBe(3);
  });

  it('asks the issuer at most once per cooldown for unknown key ids', async () => {
    const known = signingKey('known');
    fake.keys = [known];
    const verify = createBearerVerifier({ issuer, audience, jwksUri, jwks: { cooldownMs: 60_000 } });
    await expect(verify(await tokenOf(known))).resolves.toEqual(casey);
    const codes = await Promise.all(Array.from({ length: 5 }, async (_, i) => codeOf(verify(await tokenOf(signingKey(`forged-${i}`))))));
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(fake.fetches).toBe(1);
  });

  it('holds back after a failed fetch, refusing tokens without asking again, then recovers', async () => {
    const key = signingKey('k');
    fake.keys = [key];
    fake.failing = true;
    const verify = createBearerVerifier({ issuer, audience, jwksUri, jwks: { cooldownMs: 200 } });
    for (let i = 0; i < 5; i += 1) expect(await codeOf(verify(await tokenOf(key)))).toBe('UNAUTHENTICATED');
    expect(fake.fetches).toBe(1);

    fake.failing = false;
    await sleep(220);
    await expect(verify(await tokenOf(key))).resolves.toEqual(casey);
    expect(fake.fetches).toBe(2);
  });
});
