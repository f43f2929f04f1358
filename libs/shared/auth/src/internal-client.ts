/**
 * The one HTTP client for calls between Caseflow services (a subgraph asking
 * another on the caller's behalf, the gateway asking the staff directory).
 * Every call carries the internal token (forwarded, or signed here for an
 * actor) and the request id, runs within a timeout, and fails closed: no
 * answer in time, no connection or an error status is UNAVAILABLE naming the
 * peer. Connections are kept alive in one undici pool per process, so a busy
 * peer costs no new TCP handshake per question.
 *
 * Only calls declared idempotent (pure queries, even when sent as POST) are
 * retried, once after a short pause, and only when the peer could not be
 * reached or answered 502/503/504: a reused keep-alive socket the peer had
 * just closed is the common case. A timeout is not retried: a slow peer is
 * not helped by more load, and the caller's own deadline is near.
 *
 * A peer's base URL may list its replicas, separated by commas: calls go
 * round-robin, and a retry goes to the next replica (each tried once) instead
 * of pausing; one that could not be reached is passed over for a moment. A
 * call that is not idempotent goes to the next replica only when it never
 * reached the first (connection refused).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { connectionFailure, createReplicaSet, type ReplicaSet, replicaUrls, unavailable } from '@caseflow/core';
import type { Actor } from './actor';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from './internal-token';

/** Kept-alive connections to the peers; idle sockets close well before the peers' own 65 s keep-alive timeout. */
const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 64 });

const RETRYABLE_STATUSES = new Set([502, 503, 504]);
const RETRY_PAUSE_MS = 50;

export interface InternalCall {
  /** Names the peer in the error a caller sees, e.g. "the clients service". */
  peer: string;
  /** What failed, for the error, e.g. "Client access could not be checked"; without it the peer is the subject. */
  purpose?: string;
  /** The peer's base URL, or its replicas' separated by commas. */
  baseUrl: string;
  path: string;
  body: unknown;
  /** The caller's internal token to forward, or the actor and secret to sign one for. */
  identity: { token: string } | { actor: Actor; secret: string };
  requestId: string;
  /** A pure query, safe to send twice: only these are retried. */
  idempotent: boolean;
  timeoutMs?: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; retryable: boolean; unreached?: boolean };

/** Each peer address list's replicas, for the round-robin (one entry per configured list). */
const replicaSets = new Map<string, ReplicaSet>();

function replicasOf(baseUrl: string): ReplicaSet {
  let set = replicaSets.get(baseUrl);
  if (!set) replicaSets.set(baseUrl, (set = createReplicaSet(replicaUrls(baseUrl))));
  return set;
}

/** POSTs `body` as JSON to the peer and returns its JSON answer. */
export async function callInternal<T>(call: InternalCall): Promise<T> {
  const replicas = replicasOf(call.baseUrl);
  const order = replicas.order();
  const attempts = call.idempotent ? Math.max(2, order.length) : order.length;
  let outcome: Outcome<T> = { ok: false, reason: 'did not answer', retryable: false };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const baseUrl = order[attempt % order.length];
    if (attempt > 0 && order.length === 1) await sleep(RETRY_PAUSE_MS);
    outcome = await attemptCall<T>(call, baseUrl);
    if (outcome.ok) return outcome.value;
    if (outcome.unreached !== undefined) replicas.rest(baseUrl);
    if (!outcome.retryable || (!call.idempotent && !outcome.unreached)) break;
  }
  const failure = outcome as { reason: string };
  throw unavailable(
    call.purpose
      ? `${call.purpose} (${call.peer} ${failure.reason}); retry later`
      : `${capitalized(call.peer)} ${failure.reason}; retry later`,
  );
}

async function attemptCall<T>(call: InternalCall, baseUrl: string): Promise<Outcome<T>> {
  const token =
    'token' in call.identity
      ? call.identity.token
      : await signInternalToken({ actor: call.identity.actor, requestId: call.requestId }, call.identity.secret);
  const signal = AbortSignal.timeout(call.timeoutMs ?? 2000);
  try {
    const response = await request(new URL(call.path, baseUrl), {
      method: 'POST',
      dispatcher: agent,
      signal,
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: call.requestId },
      body: JSON.stringify(call.body),
    });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      return { ok: false, reason: `answered ${response.statusCode}`, retryable: RETRYABLE_STATUSES.has(response.statusCode) };
    }
    try {
      return { ok: true, value: (await response.body.json()) as T };
    } catch {
      if (signal.aborted) return { ok: false, reason: 'did not answer in time', retryable: false };
      return { ok: false, reason: 'gave an answer that could not be read', retryable: false };
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'did not answer in time', retryable: false };
    // `unreached` is set (true or false) only for a connection failure: the replica rests either way.
    const failure = connectionFailure(error);
    return { ok: false, reason: 'could not be reached', retryable: true, ...(failure ? { unreached: failure === 'unreached' } : {}) };
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
