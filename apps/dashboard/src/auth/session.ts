/**
 * The signed-in session: the bearer token the gateway checks, when it
 * expires, and how it was obtained. Kept in sessionStorage — one browser tab,
 * gone when the tab closes — never in localStorage, so that a token does not
 * outlive the person's visit.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SignInMethod = 'demo' | 'oidc';

export interface Session {
  token: string;
  expiresAt: string;
  method: SignInMethod;
  /** OIDC: the ID token, for the issuer's sign-out. */
  idToken?: string | null;
}

export const SESSION_KEY = 'caseflow.session';
export const RETURN_KEY = 'caseflow.returnTo';

/** A session ends a little before its token does, so that no request leaves with a token about to expire. */
export const EXPIRY_MARGIN_MS = 30_000;

export function isExpired(session: Session, now: Date = new Date()): boolean {
  const at = Date.parse(session.expiresAt);
  return Number.isNaN(at) || at - EXPIRY_MARGIN_MS <= now.getTime();
}

export function msUntilExpiry(session: Session, now: Date = new Date()): number {
  return Math.max(0, Date.parse(session.expiresAt) - EXPIRY_MARGIN_MS - now.getTime());
}

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return (
    !!v &&
    typeof v.token === 'string' &&
    v.token.length > 0 &&
    typeof v.expiresAt === 'string' &&
    (v.method === 'demo' || v.method === 'oidc')
  );
}

/** The stored session, or null when there is none, it is malformed or it has expired. */
export function loadSession(store: KeyValueStore, now: Date = new Date()): Session | null {
  const raw = store.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSession(parsed) && !isExpired(parsed, now)) return parsed;
  } catch {
    // A damaged entry is the same as none.
  }
  store.removeItem(SESSION_KEY);
  return null;
}

export function saveSession(store: KeyValueStore, session: Session): void {
  store.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(store: KeyValueStore): void {
  store.removeItem(SESSION_KEY);
}

/** Where to go back to after signing in again: a path of this app only, never another site. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/signin')) return '/';
  return value;
}
