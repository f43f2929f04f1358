import { readFileSync } from 'node:fs';
import { createLogger } from '@caseflow/core';
import { createGateway, demoLogin } from '@caseflow/gateway';
import { SUPERGRAPH_FILE } from '@caseflow/platform';
import { createTestIssuer, errorCodes, postGraphQL } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('the demo sign-in', () => {
  it('lists the seeded staff with their roles and agencies', async () => {
    const res = await fetch(`${stack.gatewayBaseUrl}/auth/demo-users`);
    const { users } = (await res.json()) as { users: Array<{ email: string; role: string; organizationName: string }> };
    expect(users.map((u) => `${u.email} ${u.role} ${u.organizationName}`)).toContain('pat@demo.caseflow PARTNER Northside Food Bank');
    expect(users).toHaveLength(7);
  });

  it('gives a token that the gateway accepts for that person, and refuses an unknown email', async () => {
    const login = await fetch(`${stack.gatewayBaseUrl}/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@demo.caseflow' }),
    });
    const { token, user } = (await login.json()) as { token: string; user: { role: string } };
    expect(user.role).toBe('SUPERVISOR');
    const me = await postGraphQL(stack.gatewayUrl, '{ me { role } }', {}, { authorization: `Bearer ${token}` });
    expect(me.data).toEqual({ me: { role: 'SUPERVISOR' } });

    const bad = await fetch(`${stack.gatewayBaseUrl}/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.org' }),
    });
    expect(bad.status).toBe(400);
    expect(errorCodes((await bad.json()) as never)).toEqual(['BAD_USER_INPUT']);
  });

  it('is refused in production: the gateway will not start with it', async () => {
    const issuer = createTestIssuer();
    await expect(
      createGateway({
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        subgraphUrls: {},
        verifyBearer: issuer.verifier,
        internalSecret: 'x',
        logger: createLogger('gateway', 'silent'),
        production: true,
        demoLogin: demoLogin(issuer.privateKeyPem, issuer.issuer, issuer.audience),
      }),
    ).rejects.toThrow('The demo sign-in is refused in production');
  });
});
