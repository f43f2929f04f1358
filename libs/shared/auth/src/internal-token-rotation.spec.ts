import { randomBytes } from 'node:crypto';
import { codeOf } from '@caseflow/testing';
import type { Actor } from './actor';
import type { ClientGrant } from './client-access';
import { signGrantToken, verifyGrantToken } from './grant-token';
import { internalSecrets, signInternalToken, verifyInternalToken } from './internal-token';

const casey: Actor = {
  staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001',
  role: 'CASE_MANAGER',
  organizationId: '0b9c6c8e-2222-4aaa-8bbb-000000000001',
};
const identity = { actor: casey, requestId: 'r-rotation' };
const fresh = () => randomBytes(32).toString('base64url');

describe('rotating the internal secret (several secrets in the setting, the first signing)', () => {
  const [oldSecret, newSecret] = [fresh(), fresh()];

  it('reads the secrets in order, whatever whitespace separates them', () => {
    expect(internalSecrets(`  ${oldSecret}\n ${newSecret} `)).toEqual([oldSecret, newSecret]);
    expect(internalSecrets(oldSecret)).toEqual([oldSecret]);
  });

  it('keeps every pair of services talking through the three steps of a rotation', async () => {
    const steps = [oldSecret, `${oldSecret} ${newSecret}`, `${newSecret} ${oldSecret}`, newSecret];
    // During a rollout, services run at two neighbouring steps: each must accept what the other signs.
    for (let i = 0; i < steps.length - 1; i += 1)
      for (const [signer, verifier] of [
        [steps[i], steps[i + 1]],
        [steps[i + 1], steps[i]],
      ])
        await expect(verifyInternalToken(await signInternalToken(identity, signer), verifier)).resolves.toEqual(identity);
  });

  it('signs with the first secret only', async () => {
    const token = await signInternalToken(identity, `${newSecret} ${oldSecret}`);
    await expect(verifyInternalToken(token, newSecret)).resolves.toEqual(identity);
    expect(await codeOf(verifyInternalToken(token, oldSecret))).toBe('UNAUTHENTICATED');
  });

  it('refuses, once the old secret is dropped, a token signed with it, and one signed with neither', async () => {
    expect(await codeOf(verifyInternalToken(await signInternalToken(identity, oldSecret), newSecret))).toBe('UNAUTHENTICATED');
    expect(await codeOf(verifyInternalToken(await signInternalToken(identity, fresh()), `${newSecret} ${oldSecret}`))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('grant tokens through a rotation of the internal secret', () => {
  const [oldSecret, newSecret] = [fresh(), fresh()];
  const grant: ClientGrant = {
    clientId: '0b9c6c8e-3333-4aaa-8bbb-000000000001',
    exists: true,
    organizationId: casey.organizationId,
    read: ['CONTACT_INFO', 'PLANS'],
    write: true,
    status: 'ACTIVE',
    consents: [],
  };
  const binding = { actor: casey, requestId: 'r-rotation' };

  it('verify at a neighbouring step, and not once the signing secret is dropped', () => {
    const signed = signGrantToken(grant, binding, `${oldSecret} ${newSecret}`);
    expect(verifyGrantToken(signed, { ...binding, clientId: grant.clientId }, `${newSecret} ${oldSecret}`)).toEqual(grant);
    expect(verifyGrantToken(signed, { ...binding, clientId: grant.clientId }, newSecret)).toBeNull();
  });
});
