/**
 * Verification of the caller's bearer token at the gateway: signature,
 * issuer, audience, expiry and not-before, a lifetime of at most 12 hours
 * (a token without `exp` is refused), then the Caseflow claims (`sub` =
 * staff id, `role`, `org` = organization id). Whether that person exists and
 * is active is the staff check's job (staff-directory.ts). In development the project is
 * its own issuer (a key pair made on first start); in production the keys
 * come from the OIDC issuer's JWKS URL, kept by jose (refetched when older
 * than its max age, refetches throttled by a cooldown). When an issuer cannot
 * put the staff id in `sub` or use those claim names (most cannot set `sub`;
 * some require namespaced custom claims), the verifier is told where they are
 * (`claims`).
 *
 * Minting (the demo login, the test issuer, the tools) is jose's too: one
 * JWT library for signing and verifying.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '@caseflow/core';
import { type Actor, isRole, isUuid, machineActor } from './actor';
import { issuerKeys, type JwksOptions } from './jwks';

export interface BearerVerifierOptions {
  issuer: string;
  audience: string;
  /** PEM public key (development issuer). */
  publicKeyPem?: string;
  /** JWKS URL of an OIDC issuer (production). */
  jwksUri?: string;
  /** How the JWKS is kept; the defaults suit production, tests shorten them. */
  jwks?: JwksOptions;
  clockToleranceSeconds?: number;
  /** Where the issuer puts the Caseflow claims, when not in `sub`, `role` and `org` (e.g. namespaced custom claims). */
  claims?: Partial<CaseflowClaimNames>;
}

/** The names of the claims that carry the staff id, role and organization id. */
export interface CaseflowClaimNames {
  staffId: string;
  role: string;
  organizationId: string;
}

export const DEFAULT_CLAIM_NAMES: CaseflowClaimNames = { staffId: 'sub', role: 'role', organizationId: 'org' };

/** Asymmetric algorithms only: never `none`, never an HMAC that would take the public key as its secret. */
export const BEARER_ALGORITHMS = ['RS256', 'ES256', 'PS256'];

/** The longest a bearer token may live (exp − iat), so that a leaked one is soon useless. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

export type BearerVerifier = (authorization: string | undefined) => Promise<Actor>;

/** The issuer's signing keys: from its JWKS URL (jwks.ts), or the development key. */
function signingKeys(options: BearerVerifierOptions): JWTVerifyGetKey {
  if (options.jwksUri) {
    return issuerKeys(options.jwksUri, options.jwks);
  }
  if (!options.publicKeyPem) throw new Error('A public key or a JWKS URL is required');
  // Parsed once, not per request; jose checks that the token's alg fits the key's type.
  const publicKey = createPublicKey(options.publicKeyPem);
  return () => publicKey;
}

export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  const keys = signingKeys(options);
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const names = { ...DEFAULT_CLAIM_NAMES, ...options.claims };

  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('A bearer token is required (Authorization: Bearer <token>)');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(match[1], keys, {
        algorithms: BEARER_ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'exp') {
        throw unauthenticated('The bearer token must carry an expiry (exp)');
      }
      throw unauthenticated('The bearer token is invalid or expired');
    }
    if (typeof claims.exp !== 'number') throw unauthenticated('The bearer token must carry an expiry (exp)');
    // Measured from iat, or from now when iat is missing or in the future: either way no token is good for more than 12 hours.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const issuedAt = typeof claims.iat === 'number' ? Math.min(claims.iat, nowSeconds) : nowSeconds;
    if (claims.exp - issuedAt > MAX_TOKEN_LIFETIME_SECONDS + clockTolerance) {
      throw unauthenticated('The bearer token lives longer than 12 hours; ask the issuer for a shorter-lived one');
    }
    const [staffId, role, organizationId] = [claims[names.staffId], claims[names.role], claims[names.organizationId]];
    if (role === undefined && machineClientId(claims)) return machineClientActor(claims, names);
    if (!isUuid(staffId) || !isRole(role) || !isUuid(organizationId)) {
      throw unauthenticated(`The bearer token lacks the Caseflow claims (${names.staffId}, ${names.role}, ${names.organizationId})`);
    }
    return { staffId, role, organizationId };
  };
}

/** The scopes a machine client's token may grant: reading the directory, and editing its own organization's entries. */
export const DIRECTORY_SCOPES = ['directory:read', 'directory:write'] as const;
export type DirectoryScope = (typeof DIRECTORY_SCOPES)[number];

/** A client-credentials token's client: `client_id` (RFC 9068), else `azp`. */
function machineClientId(claims: JWTPayload): string | undefined {
  const id = claims.client_id ?? claims.azp;
  return typeof id === 'string' && /^[\w.:@-]{1,200}$/.test(id) ? id : undefined;
}

/**
 * A client-credentials token (no staff role claim, a client id): a directory
 * client with the directory scopes it grants (`scope`, space-separated, or
 * `scp` as a list); none of them is UNAUTHENTICATED. `directory:write` needs
 * the partner organization in the organization claim (`org` unless told):
 * it is the organization whose entries the client may edit.
 */
function machineClientActor(claims: JWTPayload, names: CaseflowClaimNames): Actor {
  const id = machineClientId(claims) as string;
  const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : Array.isArray(claims.scp) ? claims.scp : [];
  const read = granted.includes('directory:read');
  const write = granted.includes('directory:write');
  if (!read && !write) throw unauthenticated(`The client's token grants no directory scope (${DIRECTORY_SCOPES.join(' or ')})`);
  const organizationId = claims[names.organizationId];
  if (write && !isUuid(organizationId)) {
    throw unauthenticated(`A directory:write token must name the partner organization (${names.organizationId})`);
  }
  return machineActor(id, write, isUuid(organizationId) ? organizationId : undefined);
}

export interface MachineClientGrant {
  clientId: string;
  scopes: readonly DirectoryScope[];
  /** The partner organization whose entries a directory:write client edits. */
  organizationId?: string;
}

/** Signs a client-credentials access token with the development key (development and tests only); 1 hour unless told. */
export async function mintClientToken(
  privateKeyPem: string,
  grant: MachineClientGrant,
  options: Omit<MintOptions, 'email' | 'notBeforeSeconds'>,
): Promise<string> {
  const expiresIn = options.expiresInSeconds ?? 3600;
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('A bearer token lives at most 12 hours; the gateway refuses longer ones');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    client_id: grant.clientId,
    scope: grant.scopes.join(' '),
    ...(grant.organizationId ? { org: grant.organizationId } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
    .setSubject(grant.clientId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(privateKeyOf(privateKeyPem));
}

export interface MintOptions {
  issuer: string;
  audience: string;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  email?: string;
}

// The development key is parsed once per PEM, not per token.
const privateKeys = new Map<string, KeyObject>();
function privateKeyOf(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    privateKeys.set(pem, key);
  }
  return key;
}

/** Signs a bearer token for a staff member with the development key (demo and tests only); 8 hours unless told, never over 12. */
export async function mintBearerToken(privateKeyPem: string, actor: Actor, options: MintOptions): Promise<string> {
  const expiresIn = options.expiresInSeconds ?? 8 * 3600;
  if (expiresIn > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('A bearer token lives at most 12 hours; the gateway refuses longer ones');
  const now = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ role: actor.role, org: actor.organizationId, ...(options.email ? { email: options.email } : {}) })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setSubject(actor.staffId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn);
  if (options.notBeforeSeconds) token.setNotBefore(now + options.notBeforeSeconds);
  return token.sign(privateKeyOf(privateKeyPem));
}
