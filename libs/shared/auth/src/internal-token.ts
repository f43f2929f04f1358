/**
 * The gateway → subgraph identity channel. The gateway, having verified the
 * caller's bearer token, signs the caller into a short-lived token with a key
 * that only the gateway and the subgraphs hold; every subgraph refuses any
 * request that does not carry a valid one. Subgraphs forward the same token
 * when they ask another subgraph a question on the caller's behalf.
 *
 * jose signs and verifies (HS256 only). The gateway signs once per request
 * (its context keeps the token) and every subgraph verifies on every request,
 * so the key object is made once per secret, never per call.
 *
 * The secret setting may hold several secrets separated by whitespace, for a
 * rotation without a failed request: the first signs, any of them verifies
 * (docs/operations.md, "Rotating the internal secret").
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '@caseflow/core';
import { type Actor, type DirectoryClient, isRole, isUuid } from './actor';

export const INTERNAL_TOKEN_HEADER = 'x-caseflow-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';

const ISSUER = 'caseflow-gateway';
const AUDIENCE = 'caseflow-subgraphs';
const ALGORITHMS = ['HS256'];
const REFUSAL = 'This service only answers the Caseflow gateway';

const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** The secrets a setting holds, the signing one first. */
export function internalSecrets(setting: string): string[] {
  return setting.split(/\s+/).filter(Boolean);
}

export interface InternalIdentity {
  actor: Actor;
  requestId: string;
}

export function signInternalToken(identity: InternalIdentity, secret: string, ttlSeconds = 60): Promise<string> {
  const { actor, requestId } = identity;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: actor.role, org: actor.organizationId, rid: requestId, ...(actor.client ? { cli: actor.client } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.staffId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(keyOf(internalSecrets(secret)[0] ?? ''));
}

/** Verifies an internal token; any problem is UNAUTHENTICATED (the reason is not told to the caller). */
export async function verifyInternalToken(token: string | undefined, secret: string): Promise<InternalIdentity> {
  if (!token) throw unauthenticated(REFUSAL);
  let claims: JWTPayload | undefined;
  for (const candidate of internalSecrets(secret)) {
    try {
      ({ payload: claims } = await jwtVerify(token, keyOf(candidate), { algorithms: ALGORITHMS, issuer: ISSUER, audience: AUDIENCE }));
      break;
    } catch {
      // not this secret (or not valid at all): try the next one
    }
  }
  if (!claims) throw unauthenticated(REFUSAL);
  if (!isUuid(claims.sub) || !isRole(claims.role) || !isUuid(claims.org) || typeof claims.rid !== 'string') {
    throw unauthenticated(REFUSAL);
  }
  const actor: Actor = { staffId: claims.sub, role: claims.role, organizationId: claims.org };
  if (claims.cli !== undefined) {
    const client = directoryClientOf(claims.cli);
    if (!client) throw unauthenticated(REFUSAL);
    actor.client = client;
  }
  return { actor, requestId: claims.rid };
}

/** The directory client an internal token carries (`cli`), or undefined when it is malformed (then the token is refused). */
function directoryClientOf(value: unknown): DirectoryClient | undefined {
  const v = value as Partial<{ kind: unknown; id: unknown; write: unknown }> | null;
  if (v?.kind === 'anonymous') return { kind: 'anonymous' };
  if (v?.kind === 'machine' && typeof v.id === 'string' && typeof v.write === 'boolean')
    return { kind: 'machine', id: v.id, write: v.write };
  return undefined;
}
