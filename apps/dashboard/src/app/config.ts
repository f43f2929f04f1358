/**
 * Runtime settings, read from `/config.json` beside index.html, so that one
 * static build serves any deployment: in the demo `{ "auth": { "mode":
 * "demo" } }`; in production the OIDC issuer and client id. Every problem is
 * listed at once.
 */
export type AuthConfig =
  | { mode: 'demo' }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string; redirectPath: string; audience?: string; resource?: string };

export interface AppConfig {
  auth: AuthConfig;
}

export const DEFAULT_CONFIG: AppConfig = { auth: { mode: 'demo' } };
export const CALLBACK_PATH = '/signin/callback';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function isHttpsUrl(value: unknown, allowLocalHttp: boolean): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (allowLocalHttp && url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
  } catch {
    return false;
  }
}

function isAbsoluteUri(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value) && !value.includes('#');
}

export function parseConfig(raw: unknown): AppConfig {
  const auth = (raw as { auth?: Record<string, unknown> } | null)?.auth;
  if (!auth || auth.mode === 'demo') return DEFAULT_CONFIG;
  const problems: string[] = [];
  if (auth.mode !== 'oidc') problems.push('auth.mode must be "demo" or "oidc"');
  if (!isHttpsUrl(auth.issuer, true)) problems.push('auth.issuer must be the https URL of the OpenID Connect issuer');
  if (typeof auth.clientId !== 'string' || !auth.clientId.trim())
    problems.push("auth.clientId must name the dashboard's client at the issuer");
  if (auth.scope !== undefined && typeof auth.scope !== 'string') problems.push('auth.scope must be a string of scopes');
  if (auth.audience !== undefined && typeof auth.audience !== 'string') problems.push('auth.audience must be a string');
  if (auth.resource !== undefined && !isAbsoluteUri(auth.resource))
    problems.push("auth.resource must be the API's resource indicator, an absolute URI without a fragment (RFC 8707)");
  if (problems.length) throw new ConfigError(`config.json: ${problems.join('; ')}`);
  return {
    auth: {
      mode: 'oidc',
      issuer: String(auth.issuer),
      clientId: String(auth.clientId),
      scope: typeof auth.scope === 'string' && auth.scope.trim() ? auth.scope : 'openid profile email',
      redirectPath: CALLBACK_PATH,
      ...(typeof auth.audience === 'string' ? { audience: auth.audience } : {}),
      ...(typeof auth.resource === 'string' ? { resource: auth.resource } : {}),
    },
  };
}
