import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevKeys {
  privateKeyPem: string;
  publicKeyPem: string;
  internalSecret: string;
}

/**
 * The development issuer's key pair and the internal-token secret, created on
 * first start under `dir` (kept out of git) and reused afterwards. Production
 * takes an OIDC issuer and an internal secret from configuration instead.
 */
export function ensureDevKeys(dir: string): DevKeys {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privatePath = join(dir, 'dev-issuer.key.pem');
  const publicPath = join(dir, 'dev-issuer.pub.pem');
  const secretPath = join(dir, 'internal-token.secret');
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
  if (!existsSync(secretPath)) writeFileSync(secretPath, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return {
    privateKeyPem: readFileSync(privatePath, 'utf8'),
    publicKeyPem: readFileSync(publicPath, 'utf8'),
    internalSecret: readFileSync(secretPath, 'utf8').trim(),
  };
}
