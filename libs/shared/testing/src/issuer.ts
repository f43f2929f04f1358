import { generateKeyPairSync } from 'node:crypto';
import { type Actor, type BearerVerifier, createBearerVerifier, mintBearerToken } from '@caseflow/auth';

export interface TestIssuer {
  issuer: string;
  audience: string;
  privateKeyPem: string;
  publicKeyPem: string;
  verifier: BearerVerifier;
  /** A bearer token for `actor`, as the demo issuer would sign it. */
  token(actor: Actor, options?: { expiresInSeconds?: number; notBeforeSeconds?: number }): Promise<string>;
}

/** A throw-away token issuer for one test run: its own key pair, never written to disk. */
export function createTestIssuer(issuer = 'caseflow-test', audience = 'caseflow'): TestIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    issuer,
    audience,
    privateKeyPem,
    publicKeyPem,
    verifier: createBearerVerifier({ issuer, audience, publicKeyPem }),
    token: (actor, options = {}) => mintBearerToken(privateKeyPem, actor, { issuer, audience, ...options }),
  };
}
