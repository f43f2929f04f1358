/**
 * A client grant sent along with the entity. When the gateway asks the
 * clients subgraph for a caseload, that subgraph already knows the caller's
 * grant on each client (the one access rule, access.policy.ts); it signs it
 * into the Client's `accessGrant` field (inaccessible: never in the public
 * API), and the gateway passes it to plans and referrals in the entity
 * representation, which then need not ask the clients subgraph again.
 *
 * A grant token is bound to the caller (staff id, role, agency), to the
 * request id and to the client, and lives seconds: it answers for this
 * request only, so a revoked consent or a reassignment takes effect on the
 * next request as before. A token that does not verify is ignored and the
 * usual call to the clients subgraph decides.
 *
 * Not a JWT per entity: a page holds up to 100 clients, and a JOSE signature
 * each (header, JSON claims, async key import and verification) costs more
 * than the round trip it saves. One HMAC-SHA256 over a compact payload, with
 * a key derived from the internal secret (so a grant token can never pass as
 * an internal token, nor the other way round), costs microseconds.
 *
 * A token carries what a read needs and no more: whether the client exists,
 * the agency, the kinds the caller may read, whether they may write and the
 * case's status (the client id is signed, not sent). It does not carry the
 * client's consents: they are read only by the consent gates of mutations
 * (sending a referral), and a mutation never takes its grant from a token —
 * tokens come with entity representations, which the gateway fetches with
 * queries. The grant a token gives back therefore has no consents, which
 * could only ever refuse, never allow. A page of 25 clients went from 22 KB
 * to 9 KB of representations (6.9 KB of it tokens), which the clients
 * subgraph writes, the gateway reads and writes twice, and plans and
 * referrals each read and verify.
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type DataLoader from 'dataloader';
import type { Actor } from './actor';
import { isUuid } from '@caseflow/core';
import { type ClientGrant, INFORMATION_KINDS, type InformationKind } from './client-access';
import { internalSecrets } from './internal-token';

/** How long a grant token is good for: it is spent within the request that made it. */
export const GRANT_TOKEN_TTL_SECONDS = 30;

const VERSION = 'g3';
const KEY_PURPOSE = 'caseflow client grant v1';

/** Who a grant is for and for which request. */
export interface GrantBinding {
  actor: Actor;
  requestId: string;
}

/**
 * What a token carries. Who it is for and for which request is not carried:
 * it is part of what is signed (`signedText`), so a token verifies only for
 * the caller and the request it was made for, and a page's 25 tokens do not
 * each repeat four identifiers.
 */
interface GrantPayload {
  /** expiry, seconds since the epoch */
  e: number;
  /** What is granted (a compact grant for version g3, a caseload for cl2). */
  g: unknown;
}

/**
 * The grant key of each internal secret, derived once and held as a
 * KeyObject: each sign and verify then starts its HMAC from the prepared key
 * rather than from a string or buffer to be imported again. A process has
 * one or two secrets (during a rotation), so the map stays that small.
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(createHmac('sha256', secret).update(KEY_PURPOSE).digest());
    keys.set(secret, key);
  }
  return key;
}

/**
 * What the MAC covers: the version tag, the subject when the token has one
 * (a UUID: the client a grant is on), the binding (staff id, role, agency,
 * request id) and the body. Every part but the request id has a fixed form
 * without dots, and the body is base64url, so the text reads one way only.
 */
function signedText(version: string, { actor, requestId }: GrantBinding, body: string, subject?: string): string {
  const head = subject === undefined ? version : `${version}.${subject}`;
  return `${head}.${actor.staffId}.${actor.role}.${actor.organizationId}.${requestId}.${body}`;
}

function mac(text: string, secret: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(text).digest();
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A grant as a token carries it: exists, agency, readable kinds, write, status (absent when the grant has none). */
interface CompactGrant {
  x: boolean;
  o: string | null;
  r: InformationKind[];
  w: boolean;
  s?: ClientGrant['status'];
}

/** Signs the caller's grant on one client for this request (its consents left out: see above). */
export function signGrantToken(grant: ClientGrant, binding: GrantBinding, secret: string, ttlSeconds = GRANT_TOKEN_TTL_SECONDS): string {
  const compact: CompactGrant = { x: grant.exists, o: grant.organizationId, r: grant.read, w: grant.write };
  if (grant.status !== undefined) compact.s = grant.status;
  return signBoundToken(VERSION, compact, binding, secret, ttlSeconds, grant.clientId);
}

/**
 * The grant a token carries, when it verifies for this caller, this request
 * and this client and has not expired; otherwise null (the caller then asks
 * the clients subgraph as usual). Its consents are empty (see above). Never
 * throws on bad input.
 */
export function verifyGrantToken(token: unknown, binding: GrantBinding & { clientId: string }, secret: string): ClientGrant | null {
  if (!isUuid(binding.clientId)) return null;
  const data = verifyBoundToken(VERSION, token, binding, secret, 1024, binding.clientId);
  if (!isCompactGrant(data)) return null;
  const grant: ClientGrant = {
    clientId: binding.clientId,
    exists: data.x,
    organizationId: data.o,
    read: data.r,
    write: data.w,
    consents: [],
  };
  if (data.s !== undefined) grant.status = data.s;
  return grant;
}

/**
 * Signs `data` for this caller and this request under a version tag of its
 * own (the tag is part of what is signed, so a token of one kind never passes
 * as another): the client grant here, and the same mechanism for other
 * answers the clients subgraph hands to plans and referrals with an entity.
 */
export function signBoundToken(
  version: string,
  data: unknown,
  binding: GrantBinding,
  secret: string,
  ttlSeconds = GRANT_TOKEN_TTL_SECONDS,
  subject?: string,
): string {
  const payload: GrantPayload = { e: nowSeconds() + ttlSeconds, g: data };
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${version}.${body}.${mac(signedText(version, binding, body, subject), internalSecrets(secret)[0] ?? '').toString('base64url')}`;
}

/**
 * What a `signBoundToken` token of this version carries, when it verifies for
 * this caller and request (and subject, when it was signed with one) and has
 * not expired; else null.
 */
export function verifyBoundToken(
  version: string,
  token: unknown,
  binding: GrantBinding,
  secret: string,
  maxLength: number,
  subject?: string,
): unknown {
  if (typeof token !== 'string' || token.length > maxLength) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== version) return null;
  const [, body, signature] = parts;
  const given = Buffer.from(signature, 'base64url');
  // Signed for this caller and this request, or not at all: the binding is in what the MAC covers.
  const text = signedText(version, binding, body, subject);
  const signedWith = (candidate: string) => {
    const expected = mac(text, candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  // Any of the secrets (during a rotation), as for the internal token.
  if (!internalSecrets(secret).some(signedWith)) return null;
  let payload: GrantPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as GrantPayload;
  } catch {
    return null;
  }
  if (typeof payload?.e !== 'number') return null;
  if (payload.e <= nowSeconds()) return null;
  return payload.g ?? null;
}

const STATUSES: ReadonlyArray<ClientGrant['status']> = ['INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED', null];

function isCompactGrant(value: unknown): value is CompactGrant {
  const g = value as CompactGrant | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.x === 'boolean' &&
    (g.o === null || isUuid(g.o)) &&
    typeof g.w === 'boolean' &&
    Array.isArray(g.r) &&
    g.r.every((kind) => (INFORMATION_KINDS as readonly string[]).includes(kind)) &&
    (g.s === undefined || STATUSES.includes(g.s))
  );
}

/**
 * For a subgraph's Client `__resolveReference`: when the representation
 * carries a grant token that verifies for this caller, this request and this
 * client, primes the request's access loader with its grant; otherwise does
 * nothing, and the loader asks the clients subgraph as usual.
 */
export function createGrantPrimer(
  access: DataLoader<string, ClientGrant>,
  binding: GrantBinding,
  secret: string,
): (clientId: string, token: unknown) => void {
  return (clientId, token) => {
    const grant = verifyGrantToken(token, { ...binding, clientId }, secret);
    if (grant) access.prime(clientId, grant);
  };
}
