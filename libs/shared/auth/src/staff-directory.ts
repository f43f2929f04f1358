/**
 * The staff check at the gateway. A bearer token says who the caller is, but
 * the person it names must still exist, be active, and hold the role and
 * organization the token claims: the staff directory (the clients subgraph's
 * staff table) says so. The gateway asks the clients subgraph over the
 * internal channel and keeps each answer for at most a minute, so a
 * deactivated or re-roled person loses access within that minute while a
 * busy caller costs one lookup a minute. Deny by default: an unknown,
 * inactive or mismatched person is UNAUTHENTICATED, and a directory that
 * cannot answer is UNAVAILABLE (nothing runs either way).
 */
import { randomUUID } from 'node:crypto';
import { unauthenticated } from '@caseflow/core';
import type { Actor, Role } from './actor';
import { callInternal } from './internal-client';

export const STAFF_DIRECTORY_PATH = '/internal/staff';

/** The longest a directory answer is trusted. */
export const MAX_STAFF_CACHE_TTL_MS = 60_000;

export interface StaffRecord {
  id: string;
  role: Role;
  organizationId: string;
  active: boolean;
}

export interface StaffDirectoryResponse {
  staff: StaffRecord | null;
}

export interface StaffCheckOptions {
  /** Base URL of the clients subgraph, e.g. http://localhost:4001 */
  clientsUrl: string;
  internalSecret: string;
  /** How long an answer is kept; at most (and by default) a minute. */
  ttlMs?: number;
  timeoutMs?: number;
  /** Milliseconds since the epoch (tests move it instead of waiting). */
  now?: () => number;
}

export type StaffCheck = (actor: Actor) => Promise<void>;

export function createStaffCheck(options: StaffCheckOptions): StaffCheck {
  const ttlMs = Math.min(options.ttlMs ?? MAX_STAFF_CACHE_TTL_MS, MAX_STAFF_CACHE_TTL_MS);
  const now = options.now ?? Date.now;
  const cache = new Map<string, { record: StaffRecord | null; until: number }>();
  // Concurrent first requests of one person share one lookup.
  const pending = new Map<string, Promise<StaffRecord | null>>();

  const ask = async (actor: Actor): Promise<StaffRecord | null> => {
    const answer = await callInternal<StaffDirectoryResponse>({
      peer: 'the clients service',
      purpose: 'Your sign-in could not be checked',
      baseUrl: options.clientsUrl,
      path: STAFF_DIRECTORY_PATH,
      body: { staffId: actor.staffId },
      identity: { actor, secret: options.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: options.timeoutMs,
    });
    return answer.staff;
  };

  const lookup = (actor: Actor): Promise<StaffRecord | null> => {
    const cached = cache.get(actor.staffId);
    if (cached && cached.until > now()) return Promise.resolve(cached.record);
    let inFlight = pending.get(actor.staffId);
    if (!inFlight) {
      inFlight = ask(actor)
        .then((record) => {
          cache.set(actor.staffId, { record, until: now() + ttlMs });
          if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
          return record;
        })
        .finally(() => pending.delete(actor.staffId));
      pending.set(actor.staffId, inFlight);
    }
    return inFlight;
  };

  return async (actor) => {
    const record = await lookup(actor);
    if (!record) throw unauthenticated('The bearer token names no known staff member');
    if (!record.active) throw unauthenticated('The staff member this bearer token names is no longer active');
    if (record.role !== actor.role || record.organizationId !== actor.organizationId) {
      throw unauthenticated("The bearer token's role or organization is not the staff member's; sign in again");
    }
  };
}
