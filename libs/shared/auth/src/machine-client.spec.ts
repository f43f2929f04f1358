import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { codeOf, failureOf } from '@caseflow/testing';
import { ANONYMOUS_READER, type Actor, clientLabel, machineActor, NIL_ID } from './actor';
import { createBearerVerifier, mintBearerToken, mintClientToken } from './bearer-token';
import { signInternalToken, verifyInternalToken } from './internal-token';

const ORG = '0b9c6c8e-2222-4aaa-8bbb-000000000001';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const issued = { issuer: 'caseflow-dev', audience: 'caseflow' };
const verify = createBearerVerifier({ ...issued, publicKeyPem });
const SECRET = 'a-test-secret-of-enough-length-0123456789';

/** A client-credentials token with exactly these claims (as providers other than the development issuer write them). */
function signed(claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(issued.issuer)
    .setAudience(issued.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(keys.privateKey);
}

describe('a machine client token', () => {
  it('is a read-only directory client named by its client id, with a nil staff id', async () => {
    const token = await mintClientToken(privateKeyPem, { clientId: '211-search', scopes: ['directory:read'] }, issued);
    const actor = await verify(`Bearer ${token}`);
    expect(actor).toEqual({
      staffId: NIL_ID,
      role: 'PARTNER',
      organizationId: NIL_ID,
      client: { kind: 'machine', id: '211-search', write: false },
    });
    expect(clientLabel(actor)).toBe('client 211-search');
  });

  it('with directory:write edits for the organization its token names, which it must name', async () => {
    const token = await mintClientToken(privateKeyPem, { clientId: 'intake', scopes: ['directory:write'], organizationId: ORG }, issued);
    await expect(verify(`Bearer ${token}`)).resolves.toEqual(machineActor('intake', true, ORG));
    const unnamed = await signed({ client_id: 'intake', scope: 'directory:read directory:write' });
    expect(await failureOf(verify(`Bearer ${unnamed}`))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'A directory:write token must name the partner organization (org)',
    });
  });

  it('reads the client from azp and the scopes from scp when the provider writes them so', async () => {
    await expect(verify(`Bearer ${await signed({ azp: 'portal', scp: ['openid', 'directory:read'] })}`)).resolves.toEqual(
      machineActor('portal', false, undefined),
    );
  });

  it('is refused without a directory scope, or with a client id that is not a plain name', async () => {
    for (const claims of [
      { client_id: 'portal', scope: 'openid profile' },
      { client_id: 'portal' },
      { client_id: 'bad name\n', scope: 'directory:read' },
      { scope: 'directory:read' },
    ]) {
      expect({ claims, code: await codeOf(verify(`Bearer ${await signed(claims)}`)) }).toEqual({ claims, code: 'UNAUTHENTICATED' });
    }
  });

  it('never turns a staff token into a client: a token with a role claim is checked as a staff member', async () => {
    const withRole = await signed({ client_id: 'portal', scope: 'directory:read', role: 'ADMIN' });
    expect(await codeOf(verify(`Bearer ${withRole}`))).toBe('UNAUTHENTICATED');
    const staff: Actor = { staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001', role: 'ADMIN', organizationId: ORG };
    const token = await mintBearerToken(privateKeyPem, staff, issued);
    await expect(verify(`Bearer ${token}`)).resolves.toEqual(staff);
  });
});

describe('the internal token of a directory client', () => {
  it('carries the machine client and the anonymous reader to the subgraphs, and a staff member without one', async () => {
    for (const actor of [machineActor('intake', true, ORG), machineActor('211-search', false, undefined), ANONYMOUS_READER]) {
      const token = await signInternalToken({ actor, requestId: 'r1' }, SECRET);
      await expect(verifyInternalToken(token, SECRET)).resolves.toEqual({ actor, requestId: 'r1' });
    }
    const staff: Actor = { staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001', role: 'ADMIN', organizationId: ORG };
    const identity = await verifyInternalToken(await signInternalToken({ actor: staff, requestId: 'r2' }, SECRET), SECRET);
    expect(identity.actor).toEqual(staff);
    expect('client' in identity.actor).toBe(false);
  });

  it('is refused when its client claim is malformed (signed with the secret all the same)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: 'PARTNER', org: NIL_ID, rid: 'r3', cli: { kind: 'machine', id: 'x' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(NIL_ID)
      .setIssuer('caseflow-gateway')
      .setAudience('caseflow-subgraphs')
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(Buffer.from(SECRET, 'utf8'));
    expect(await codeOf(verifyInternalToken(token, SECRET))).toBe('UNAUTHENTICATED');
  });
});
