import { createPublicKey, type KeyObject } from 'node:crypto';

interface Jwk {
  kid?: string;
  kty: string;
  use?: string;
  [field: string]: unknown;
}

/**
 * Signing keys of an OIDC issuer, fetched from its JWKS URL and cached by
 * key id. An unknown key id triggers one refetch (at most every 30 seconds),
 * which picks up the issuer's key rotation.
 */
export class JwksKeys {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly jwksUri: string,
    private readonly timeoutMs = 3000,
  ) {}

  async key(kid: string | undefined): Promise<KeyObject> {
    const found = this.find(kid);
    if (found) return found;
    if (Date.now() - this.fetchedAt > 30_000) await this.refresh();
    const refreshed = this.find(kid);
    if (!refreshed) throw new Error('No signing key matches the token');
    return refreshed;
  }

  private find(kid: string | undefined): KeyObject | undefined {
    if (kid) return this.keys.get(kid);
    return this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
  }

  private refresh(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const response = await fetch(this.jwksUri, { signal: AbortSignal.timeout(this.timeoutMs) });
        if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
        const { keys } = (await response.json()) as { keys: Jwk[] };
        const next = new Map<string, KeyObject>();
        keys
          .filter((k) => (k.use ?? 'sig') === 'sig')
          .forEach((k, i) => next.set(k.kid ?? `key-${i}`, createPublicKey({ key: k as never, format: 'jwk' })));
        this.keys = next;
        this.fetchedAt = Date.now();
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }
}
