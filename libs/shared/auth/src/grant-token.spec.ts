import { createHmac } from 'node:crypto';
import type { Actor } from './actor';
import type { ClientGrant } from './client-access';
import { signGrantToken, verifyGrantToken } from './grant-token';
import { signInternalToken } from './internal-token';

const secret = 'grant-token-spec-secret';
const casey: Actor = {
  staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001',
  role: 'CASE_MANAGER',
  organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000001',
};
const clientId = '0b9c6c8e-3333-4aaa-8bbb-000000000001';
const grant: ClientGrant = {
  clientId,
  exists: true,
  organizationId: casey.organizationId,
  read: ['CONTACT_INFO', 'PLANS', 'REFERRAL_DETAILS'],
  write: true,
  status: 'ACTIVE',
  consents: [{ recipientOrganizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000002', scope: ['PLANS'], expiresAt: new Date().toISOString() }],
};
const binding = { actor: casey, requestId: 'request-1' };
const asked = { ...binding, clientId };
/** What a token gives back: the grant without its consents (they are for mutations' consent gates, which never take a token). */
const carried: ClientGrant = { ...grant, consents: [] };

/** The token with its payload changed and its signature kept. */
function tampered(token: string, change: (payload: Record<string, unknown>) => void): string {
  const [version, body, signature] = token.split('.');
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return [version, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

describe('grant tokens', () => {
  it('give back the grant for the caller, the request and the client they were signed for, without its consents', () => {
    expect(verifyGrantToken(signGrantToken(grant, binding, secret), asked, secret)).toEqual(carried);
    // A grant with no status (a caller who may not change the case) comes back without one; one that sees nothing, as such.
    const { status: _status, ...readOnly } = { ...grant, write: false, read: ['CONTACT_INFO' as const] };
    expect(verifyGrantToken(signGrantToken(readOnly, binding, secret), asked, secret)).toEqual({ ...readOnly, consents: [] });
    const none: ClientGrant = { clientId, exists: false, organizationId: null, read: [], write: false, status: null, consents: [] };
    expect(verifyGrantToken(signGrantToken(none, binding, secret), asked, secret)).toEqual(none);
  });

  it('are not accepted once tampered with', () => {
    const token = signGrantToken({ ...grant, read: ['CONTACT_INFO'], write: false }, binding, secret);
    const widened = tampered(token, (p) => {
      (p.g as { r: string[]; w: boolean }).r = ['CONTACT_INFO', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES'];
      (p.g as { r: string[]; w: boolean }).w = true;
    });
    expect(verifyGrantToken(widened, asked, secret)).toBeNull();
    const token2 = signGrantToken(grant, binding, secret);
    expect(verifyGrantToken(`${token2.slice(0, -2)}AA`, asked, secret)).toBeNull();
  });

  it('are not accepted for another caller, even of the same agency or with another role', () => {
    const token = signGrantToken(grant, binding, secret);
    expect(verifyGrantToken(token, { ...asked, actor: { ...casey, staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000002' } }, secret)).toBeNull();
    expect(verifyGrantToken(token, { ...asked, actor: { ...casey, role: 'SUPERVISOR' } }, secret)).toBeNull();
    expect(
      verifyGrantToken(token, { ...asked, actor: { ...casey, organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000009' } }, secret),
    ).toBeNull();
  });

  it('are not accepted in another request (a replayed grant)', () => {
    expect(verifyGrantToken(signGrantToken(grant, binding, secret), { ...asked, requestId: 'request-2' }, secret)).toBeNull();
  });

  it('are not accepted once expired', () => {
    expect(verifyGrantToken(signGrantToken(grant, binding, secret, -1), asked, secret)).toBeNull();
    expect(verifyGrantToken(signGrantToken(grant, binding, secret, 0), asked, secret)).toBeNull();
  });

  it('are not accepted for another client', () => {
    const token = signGrantToken(grant, binding, secret);
    expect(verifyGrantToken(token, { ...asked, clientId: '0b9c6c8e-3333-4aaa-8bbb-000000000002' }, secret)).toBeNull();
  });

  it('are not accepted when signed with another secret', () => {
    expect(verifyGrantToken(signGrantToken(grant, binding, 'another-secret'), asked, secret)).toBeNull();
  });

  it('keep their format: HMAC-SHA256 of "g3.<client id>.<staff id>.<role>.<agency>.<request id>.<body>" under the key derived from the secret, each secret its own key', () => {
    // The key each secret's tokens are signed with, derived here without the module's cache.
    const expected = (token: string, key: string) => {
      const [version, body] = token.split('.');
      const derived = createHmac('sha256', key).update('caseflow client grant v1').digest();
      const bound = `${version}.${clientId}.${casey.staffId}.${casey.role}.${casey.organizationId}.${binding.requestId}.${body}`;
      return createHmac('sha256', derived).update(bound).digest('base64url');
    };
    // Interleaved, so that a key cached for one secret would sign for the other.
    for (const key of [secret, 'another-secret', secret]) {
      const token = signGrantToken(grant, binding, key);
      expect(token.split('.')[2]).toBe(expected(token, key));
      expect(verifyGrantToken(token, asked, key)).toEqual(carried);
    }
    expect(verifyGrantToken(signGrantToken(grant, binding, secret), asked, 'another-secret')).toBeNull();
  });

  it('carry only the expiry and the compact grant: who, which request and which client are signed, not sent; no consents', () => {
    const token = signGrantToken(grant, binding, secret);
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['e', 'g']);
    expect(payload.g).toEqual({ x: true, o: casey.organizationId, r: grant.read, w: true, s: 'ACTIVE' });
    // However many consents the client has, the token stays the same size.
    const consents = Array.from({ length: 8 }, () => grant.consents[0]);
    expect(signGrantToken({ ...grant, consents }, binding, secret).length).toBe(token.length);
    // A token of the previous format (g2: the whole grant in the body, the client id not signed) is not accepted.
    const derived2 = createHmac('sha256', secret).update('caseflow client grant v1').digest();
    const g2Body = Buffer.from(JSON.stringify({ e: payload.e, g: grant })).toString('base64url');
    const g2Text = `g2.${casey.staffId}.${casey.role}.${casey.organizationId}.${binding.requestId}.${g2Body}`;
    expect(verifyGrantToken(`g2.${g2Body}.${createHmac('sha256', derived2).update(g2Text).digest('base64url')}`, asked, secret)).toBeNull();
    // A token of the earlier format (g1: the binding in the body, the MAC over "g1.<body>") is not accepted.
    const derived = createHmac('sha256', secret).update('caseflow client grant v1').digest();
    const oldBody = Buffer.from(
      JSON.stringify({ a: [casey.staffId, casey.role, casey.organizationId, binding.requestId], e: payload.e, g: grant }),
    ).toString('base64url');
    const old = `g1.${oldBody}.${createHmac('sha256', derived).update(`g1.${oldBody}`).digest('base64url')}`;
    expect(verifyGrantToken(old, asked, secret)).toBeNull();
  });

  it('are not accepted when malformed, and never throw', async () => {
    const internal = await signInternalToken(binding, secret);
    for (const bad of [undefined, null, 42, {}, '', 'g3', 'g3..', 'g3.e30.', 'x.y.z', 'g3.!!!.###', internal, 'g3.' + 'A'.repeat(2000)]) {
      expect(verifyGrantToken(bad, asked, secret)).toBeNull();
    }
    // Validly signed, but not a grant: an unknown kind, an agency that is not an id, an unknown status.
    for (const notAGrant of [
      { ...grant, read: ['EVERYTHING'] },
      { ...grant, organizationId: 'agency' },
      { ...grant, status: 'OPEN' },
    ] as unknown as ClientGrant[]) {
      expect(verifyGrantToken(signGrantToken(notAGrant, binding, secret), asked, secret)).toBeNull();
    }
    // Asked for something that is not a client id: refused without reading the token.
    const token = signGrantToken(grant, binding, secret);
    expect(verifyGrantToken(token, { ...asked, clientId: `${clientId}.x` }, secret)).toBeNull();
  });
});
