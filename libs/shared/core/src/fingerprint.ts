/**
 * The fingerprint of a mutation's input, kept beside its idempotency key
 * (`clientMutationId`): a retry with the same key must carry the same input,
 * or it is a different request reusing the key (CONFLICT). Keys of objects
 * are sorted, so the order fields were sent in does not matter; the value is
 * a SHA-256 digest, so no input is stored twice in the clear.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k] ?? null)]),
    );
  }
  return value ?? null;
}

export function inputFingerprint(input: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}
