/**
 * The staff check at the gateway. A bearer token says who the caller is, but
 * the person it names must still exist, be active, and hold the role and
 * organization the token claims: the staff directory (the clients subgraph's
 * staff table) says so. The gateway asks the clients subgraph over the
 * internal channel and keeps each answer for at most a minute (the TTL), so
 * a deactivated or re-roled person loses access within that minute.
 *
 * A person the gateway holds no answer for is looked up alone; and when the
 * whole directory was last read more than half a TTL ago, that same check
 * also reads the whole directory (id, role, organization, active: no names
 * or emails) alongside, and waits for both. Each person's answer from that
 * read is kept until the TTL since the read started. Otherwise, with
 * thousands of staff, most first requests of a person in a minute would wait
 * for an internal call in series before the query runs; now about one
 * request a minute does. A read that fails changes nothing (answers expire
 * as before) and is tried again half a TTL later, not on every request. The
 * read belongs to the request that needed it (nothing runs in the
 * background, no timer): an idle gateway reads nothing.
 *
 * Deny by default: an unknown, inactive or mismatched person is
 * UNAUTHENTICATED, and a directory that cannot answer is UNAVAILABLE
 * (nothing runs either way).
 */
import { randomUUID } from 'node:crypto';
import { unauthenticated } from '@caseflow/core';
import type { Actor, Role } from './actor';
import { callInternal } from './internal-client';

export const STAFF_DIRECTORY_PATH = '/internal/staff';
export const STAFF_DIRECTORY_ALL_PATH = '/internal/staff/all';

/** The most staff the whole-directory read lists, and so the most answers the gateway keeps. */
export const MAX_STAFF_DIRECTORY_SIZE = 100_000;

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

export interface StaffDirectoryAllResponse {
  staff: StaffRecord[];
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
  /** A whole-directory read failed (nothing changed: answers expire as before, and a miss is looked up alone). */
  onRefreshError?: (error: unknown) => void;
  /** A whole-directory read was applied, with the number of staff it listed. */
  onRefresh?: (staff: number) => void;
}

export type StaffCheck = (actor: Actor) => Promise<void>;

export function createStaffCheck(options: StaffCheckOptions): StaffCheck {
  const ttlMs = Math.min(options.ttlMs ?? MAX_STAFF_CACHE_TTL_MS, MAX_STAFF_CACHE_TTL_MS);
  const now = options.now ?? Date.now;
  const cache = new Map<string, { record: StaffRecord | null; until: number }>();
  // Concurrent first requests of one person share one lookup.
  const pending = new Map<string, Promise<StaffRecord | null>>();
  // When the last whole-directory read started (successful or not), and whether one is under way.
  let refreshStartedAt = -Infinity;
  let refreshing = false;

  const call = <T>(actor: Actor, path: string, body: unknown): Promise<T> =>
    callInternal<T>({
      peer: 'the clients service',
      purpose: 'Your sign-in could not be checked',
      baseUrl: options.clientsUrl,
      path,
      body,
      identity: { actor, secret: options.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: options.timeoutMs,
    });

  const keep = (staffId: string, record: StaffRecord | null, until: number) => {
    cache.set(staffId, { record, until });
    if (cache.size > MAX_STAFF_DIRECTORY_SIZE) cache.delete(cache.keys().next().value as string);
  };

  // Only for a person the cache holds no live answer for (see the check below).
  const lookup = (actor: Actor): Promise<StaffRecord | null> => {
    let inFlight = pending.get(actor.staffId);
    if (!inFlight) {
      inFlight = call<StaffDirectoryResponse>(actor, STAFF_DIRECTORY_PATH, { staffId: actor.staffId })
        .then(({ staff: record }) => {
          keep(actor.staffId, record, now() + ttlMs);
          return record;
        })
        .finally(() => pending.delete(actor.staffId));
      pending.set(actor.staffId, inFlight);
    }
    return inFlight;
  };

  /**
   * The whole-directory read, when one is due (none under way, the last one
   * started more than half a TTL ago); it never rejects. Signed as the caller
   * whose check needed it, as every internal call is; only the gateway sees
   * the answer.
   */
  const readDirectory = (actor: Actor): Promise<void> | undefined => {
    const startedAt = now();
    if (refreshing || startedAt - refreshStartedAt <= ttlMs / 2) return undefined;
    [refreshing, refreshStartedAt] = [true, startedAt];
    // The data is at most as old as the moment the read started, so that is when its TTL begins.
    const until = startedAt + ttlMs;
    return call<StaffDirectoryAllResponse>(actor, STAFF_DIRECTORY_ALL_PATH, {})
      .then(({ staff }) => {
        for (const record of staff) {
          // A person looked up alone after this read started has a fresher answer.
          if ((cache.get(record.id)?.until ?? -Infinity) <= until) keep(record.id, record, until);
        }
        options.onRefresh?.(staff.length);
      })
      .catch((error: unknown) => options.onRefreshError?.(error))
      .finally(() => {
        refreshing = false;
      });
  };

  const fresh = (staffId: string) => {
    const cached = cache.get(staffId);
    return cached && cached.until > now() ? cached : undefined;
  };

  return async (actor) => {
    let record = fresh(actor.staffId)?.record;
    if (record === undefined) {
      const reading = readDirectory(actor);
      try {
        record = await lookup(actor);
      } finally {
        await reading;
      }
    }
    if (!record) throw unauthenticated('The bearer token names no known staff member');
    if (!record.active) throw unauthenticated('The staff member this bearer token names is no longer active');
    if (record.role !== actor.role || record.organizationId !== actor.organizationId) {
      throw unauthenticated("The bearer token's role or organization is not the staff member's; sign in again");
    }
  };
}
