/**
 * HTTP caching of the HSDS API's answers (RFC 9110 conditional requests,
 * RFC 9111 Cache-Control). Every JSON answer carries a strong ETag, the
 * SHA-256 of its exact bytes, so that it changes with any change a partner
 * makes to what the answer contains (and with nothing else); `Last-Modified`
 * is the newest change among the objects it contains, from the HSDS
 * metadata and the services' `last_modified`. `If-None-Match` (the exact
 * validator) decides first; `If-Modified-Since` only when there is none.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * `private`: an answer depends on the caller's authorization (a bearer
 * token), so no shared cache may store it. `no-cache`: a partner's system may
 * keep it, but asks again before each use, and an unchanged answer costs a
 * `304` with no body; partners edit their entries at any time, so a stored
 * answer is never used unchecked.
 */
export const CACHE_CONTROL = 'private, no-cache';
/** An error answer is never stored. */
export const NO_STORE = 'no-store';

/** The strong entity tag of these bytes. */
export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url')}"`;
}

/** The tags of an If-None-Match header (`*` is any); weak tags compare by their opaque part (RFC 9110 §13.1.2 weak comparison). */
function tagsOf(header: string): string[] {
  return [...header.matchAll(/(?:W\/)?("[^"]*"|\*)/g)].map((m) => m[1]);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Whole seconds: the precision of an HTTP date. */
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Whether the caller's copy is current (answer `304`): its If-None-Match
 * names the answer's tag, or, when it sends none, the answer has not changed
 * since its If-Modified-Since (an unreadable date is ignored, as RFC 9110
 * says).
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = headerValue(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) {
    const tags = tagsOf(ifNoneMatch);
    return tags.includes('*') || tags.includes(etag);
  }
  const ifModifiedSince = headerValue(headers, 'if-modified-since');
  if (ifModifiedSince === undefined || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && seconds(lastModified) <= Math.floor(since / 1000);
}

/**
 * The Last-Modified to send: none when nothing the answer contains records
 * a change, or when the change is within the current second (an HTTP date
 * cannot tell it from a later change in the same second, RFC 9110 §8.8.2.2).
 */
export function lastModifiedToSend(newest: Date | null, now: Date): Date | null {
  return newest && seconds(newest) < seconds(now) ? newest : null;
}

/** The ids of every object in an answer, and the newest `last_modified` among them (services carry one). */
export function idsAndModified(answer: unknown): { ids: string[]; newest: Date | null } {
  const ids = new Set<string>();
  let newest: Date | null = null;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string' && UUID.test(inner)) ids.add(inner);
      else if (key === 'last_modified' && typeof inner === 'string') {
        const at = new Date(inner);
        if (!Number.isNaN(at.getTime()) && (!newest || at > newest)) newest = at;
      } else visit(inner);
    }
  };
  visit(answer);
  return { ids: [...ids], newest };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
