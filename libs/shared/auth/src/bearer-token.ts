/**
 * Verification of the caller's bearer token at the gateway: signature,
 * issuer, audience, expiry and not-before, a lifetime of at most 12 hours
 * (a token without `exp` is refused), then the Caseflow claims (`sub` =
 * staff id, `role`, `org` = organization id). Whether that person exists and
 * is active is the staff check's job (staff-directory.ts). In development the project is
 * its own issuer (a key pair made on first start); in production the keys
 * come from the OIDC issuer's JWKS URL.
 */
import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { unauthenticated } from '@caseflow/core';
import { type Actor, isRole, isUuid } from './actor';
import { JwksKeys } from './jwks';

export interface BearerVerifierOptions {
  issuer: string;
  audience: string;
  /** PEM public key (development issuer). */
  publicKeyPem?: string;
  /** JWKS URL of an OIDC issuer (production). */
  jwksUri?: string;
  clockToleranceSeconds?: number;
}

/** The longest a bearer token may live (exp − iat), so that a leaked one is soon useless. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

export type BearerVerifier = (authorization: string | undefined) => Promise<Actor>;

export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  if (!options.publicKeyPem && !options.jwksUri) throw new Error('A public key or a JWKS URL is required');
  const jwks = options.jwksUri ? new JwksKeys(options.jwksUri) : null;
  // Parsed once: jsonwebtoken would parse a PEM string on every request.
  const publicKey = options.publicKeyPem ? createPublicKey(options.publicKeyPem) : undefined;

  const keyFor: jwt.GetPublicKeyOrSecret = (header, callback) => {
    if (!jwks) return callback(null, publicKey);
    jwks.key(header.kid).then(
      (key) => callback(null, key),
      (error: Error) => callback(error),
    );
  };

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
    const claims = await new Promise<jwt.JwtPayload>((resolve, reject) => {
      jwt.verify(
        match[1],
        keyFor,
        {
          algorithms: ['RS256', 'ES256', 'PS256'],
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: options.clockToleranceSeconds ?? 5,
        },
        (error, decoded) => (error || !decoded || typeof decoded === 'string' ? reject(error) : resolve(decoded)),
      );
    }).catch(() => {
      throw unauthenticated('The bearer token is invalid or expired');
    });
    if (typeof claims.exp !== 'number') throw unauthenticated('The bearer token must carry an expiry (exp)');
    // Measured from iat, or from now when iat is missing or in the future: either way no token is good for more than 12 hours.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const issuedAt = typeof claims.iat === 'number' ? Math.min(claims.iat, nowSeconds) : nowSeconds;
    if (claims.exp - issuedAt > MAX_TOKEN_LIFETIME_SECONDS + (options.clockToleranceSeconds ?? 5)) {
      throw unauthenticated('The bearer token lives longer than 12 hours; ask the issuer for a shorter-lived one');
    }
    if (!isUuid(claims.sub) || !isRole(claims.role) || !isUuid(claims.org)) {
      throw unauthenticated('The bearer token lacks the Caseflow claims (sub, role, org)');
    }
    return { staffId: claims.sub, role: claims.role, organizationId: claims.org };
  };
}

export interface MintOptions {
  issuer: string;
  audience: string;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  email?: string;
}

/** Signs a bearer token for a staff member with the development key (demo and tests only); 8 hours unless told, never over 12. */
export function mintBearerToken(privateKeyPem: string, actor: Actor, options: MintOptions): string {
  const expiresIn = options.expiresInSeconds ?? 8 * 3600;
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('A bearer token lives at most 12 hours; the gateway refuses longer ones');
  return jwt.sign(
    { role: actor.role, org: actor.organizationId, ...(options.email ? { email: options.email } : {}) },
    privateKeyPem,
    {
      algorithm: 'RS256',
      subject: actor.staffId,
      issuer: options.issuer,
      audience: options.audience,
      expiresIn,
      ...(options.notBeforeSeconds ? { notBefore: options.notBeforeSeconds } : {}),
    },
  );
}
