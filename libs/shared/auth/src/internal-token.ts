/**
 * The gateway → subgraph identity channel. The gateway, having verified the
 * caller's bearer token, signs the caller into a short-lived token with a key
 * that only the gateway and the subgraphs hold; every subgraph refuses any
 * request that does not carry a valid one. Subgraphs forward the same token
 * when they ask another subgraph a question on the caller's behalf.
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { unauthenticated } from '@caseflow/core';
import { type Actor, isRole, isUuid } from './actor';

export const INTERNAL_TOKEN_HEADER = 'x-caseflow-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';

const ISSUER = 'caseflow-gateway';
const AUDIENCE = 'caseflow-subgraphs';

// jsonwebtoken parses a string key on every call; a key object made once per secret is reused (hot path: every request).
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface InternalIdentity {
  actor: Actor;
  requestId: string;
}

export function signInternalToken(identity: InternalIdentity, secret: string, ttlSeconds = 60): string {
  const { actor, requestId } = identity;
  return jwt.sign({ role: actor.role, org: actor.organizationId, rid: requestId }, keyOf(secret), {
    algorithm: 'HS256',
    subject: actor.staffId,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ttlSeconds,
  });
}

/** Verifies an internal token; any problem is UNAUTHENTICATED (the reason is not told to the caller). */
export function verifyInternalToken(token: string | undefined, secret: string): InternalIdentity {
  if (!token) throw unauthenticated('This service only answers the Caseflow gateway');
  let claims: jwt.JwtPayload;
  try {
    claims = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }) as jwt.JwtPayload;
  } catch {
    throw unauthenticated('This service only answers the Caseflow gateway');
  }
  if (!isUuid(claims.sub) || !isRole(claims.role) || !isUuid(claims.org) || typeof claims.rid !== 'string') {
    throw unauthenticated('This service only answers the Caseflow gateway');
  }
  return { actor: { staffId: claims.sub, role: claims.role, organizationId: claims.org }, requestId: claims.rid };
}
