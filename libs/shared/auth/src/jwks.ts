/**
 * An OIDC issuer's signing keys, from its JWKS URL, kept by jose: the set is
 * refetched once it is older than `cacheMaxAgeMs` (so a key the issuer
 * retired stops verifying), an unknown key id triggers a refetch at most once
 * per `cooldownMs` (so the issuer's rotation is picked up without a restart),
 * and concurrent requests share one fetch. jose does not hold back after a
 * fetch that failed, so this wrapper does: for `cooldownMs` after a failure
 * every token is refused without asking the issuer again (fail closed, and a
 * flood of tokens cannot become a flood of JWKS requests).
 */
import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

export interface JwksOptions {
  /** Keys are refetched once the set is older than this (default 10 minutes). */
  cacheMaxAgeMs?: number;
  /** The least time between two fetches for unknown key ids, and the pause after a failed fetch (default 30 s). */
  cooldownMs?: number;
  timeoutMs?: number;
}

/** Errors that say the token's key is not in a set that was read: not a failure of the issuer. */
const KEY_ERRORS = new Set([errors.JWKSNoMatchingKey.code, errors.JWKSMultipleMatchingKeys.code, errors.JOSENotSupported.code]);

export function issuerKeys(jwksUri: string, options: JwksOptions = {}): JWTVerifyGetKey {
  const cooldownMs = options.cooldownMs ?? 30_000;
  const remote = createRemoteJWKSet(new URL(jwksUri), {
    cacheMaxAge: options.cacheMaxAgeMs ?? 10 * 60_000,
    cooldownDuration: cooldownMs,
    timeoutDuration: options.timeoutMs ?? 3000,
  });
  let failedAt = Number.NEGATIVE_INFINITY;
  return async (header, token) => {
    if (Date.now() - failedAt < cooldownMs) throw new Error("The issuer's keys could not be fetched; not retrying yet");
    try {
      return await remote(header, token);
    } catch (error) {
      if (!KEY_ERRORS.has((error as { code?: string }).code ?? '')) failedAt = Date.now();
      throw error;
    }
  };
}
