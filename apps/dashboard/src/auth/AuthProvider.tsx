/**
 * The session for the whole app: sign-in (demo or OIDC), sign-out, and the
 * end of a session — by its expiry time or because the gateway refused the
 * token — which sends the person back to sign-in and, afterwards, back where
 * they were (their typed drafts are kept; see lib/drafts).
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type AppConfig, CALLBACK_PATH } from '../app/config';
import { useRouter } from '../app/router';
import { type ListableStore, clearDrafts } from '../lib/drafts';
import { demoSignIn } from './demo';
import { type CryptoLike, type Discovery, type OidcSettings, beginSignIn, completeSignIn, discover, signOutUrl } from './oidc';
import { RETURN_KEY, type Session, clearSession, loadSession, msUntilExpiry, safeReturnPath, saveSession } from './session';

export interface AuthEnvironment {
  storage: ListableStore;
  fetch: typeof fetch;
  crypto: CryptoLike;
  /** Leaves the app for the issuer (a full page load). */
  assign(url: string): void;
  origin: string;
}

export type AuthStatus = 'signed-in' | 'signed-out' | 'expired';

interface AuthValue {
  config: AppConfig;
  /** The fetch the app uses (the browser's; a stand-in in tests). */
  fetch: typeof fetch;
  /** The tab's storage: the session, the sign-in in progress and form drafts. */
  storage: ListableStore;
  session: Session | null;
  status: AuthStatus;
  signInDemo(email: string): Promise<void>;
  beginOidc(): Promise<void>;
  completeOidc(callbackUrl: string): Promise<void>;
  signOut(): Promise<void>;
  /** The gateway refused the token, or it ran out: back to sign-in, keeping the place. */
  expire(): void;
  /** The staff member the session belongs to, once known (drafts of others are cleared then). */
  identify(userId: string): void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function browserEnvironment(): AuthEnvironment {
  return {
    storage: window.sessionStorage,
    fetch: window.fetch.bind(window),
    crypto: window.crypto as unknown as CryptoLike,
    assign: (url) => window.location.assign(url),
    origin: window.location.origin,
  };
}

export function AuthProvider({ config, env, children }: { config: AppConfig; env: AuthEnvironment; children: ReactNode }) {
  const { navigate } = useRouter();
  const [session, setSession] = useState<Session | null>(() => loadSession(env.storage));
  const [status, setStatus] = useState<AuthStatus>(() => (session ? 'signed-in' : 'signed-out'));
  const discovery = useRef<Discovery | null>(null);

  const oidc: OidcSettings | null = useMemo(
    () =>
      config.auth.mode === 'oidc'
        ? {
            issuer: config.auth.issuer,
            clientId: config.auth.clientId,
            scope: config.auth.scope,
            redirectUri: env.origin + CALLBACK_PATH,
            audience: config.auth.audience,
            resource: config.auth.resource,
          }
        : null,
    [config, env.origin],
  );

  const issuer = useCallback(async () => {
    if (!oidc) throw new Error('Single sign-on is not configured');
    discovery.current ??= await discover(env.fetch, oidc.issuer);
    return discovery.current;
  }, [env.fetch, oidc]);

  const start = useCallback(
    (next: Session, returnTo: string) => {
      saveSession(env.storage, next);
      env.storage.removeItem(RETURN_KEY);
      setSession(next);
      setStatus('signed-in');
      navigate(safeReturnPath(returnTo), { replace: true });
    },
    [env.storage, navigate],
  );

  const live = useRef(session);
  live.current = session;

  const expire = useCallback(() => {
    if (!live.current) return;
    live.current = null;
    const here = window.location.pathname + window.location.search;
    if (!here.startsWith('/signin')) env.storage.setItem(RETURN_KEY, here);
    clearSession(env.storage);
    setSession(null);
    setStatus('expired');
  }, [env.storage]);

  useEffect(() => {
    if (!session) return undefined;
    const timer = setTimeout(expire, msUntilExpiry(session));
    return () => clearTimeout(timer);
  }, [session, expire]);

  const value = useMemo<AuthValue>(
    () => ({
      config,
      fetch: env.fetch,
      storage: env.storage,
      session,
      status,
      signInDemo: async (email) => {
        const minted = await demoSignIn(env.fetch, email);
        start({ token: minted.token, expiresAt: minted.expiresAt, method: 'demo' }, env.storage.getItem(RETURN_KEY) ?? '/');
      },
      beginOidc: async () => {
        if (!oidc) throw new Error('Single sign-on is not configured');
        const url = await beginSignIn(
          { crypto: env.crypto, fetch: env.fetch, store: env.storage, now: () => new Date() },
          oidc,
          await issuer(),
          env.storage.getItem(RETURN_KEY) ?? '/',
        );
        env.assign(url);
      },
      completeOidc: async (callbackUrl) => {
        if (!oidc) throw new Error('Single sign-on is not configured');
        const signedIn = await completeSignIn(
          { crypto: env.crypto, fetch: env.fetch, store: env.storage, now: () => new Date() },
          oidc,
          await issuer(),
          callbackUrl,
        );
        start({ token: signedIn.token, expiresAt: signedIn.expiresAt, method: 'oidc', idToken: signedIn.idToken }, signedIn.returnTo);
      },
      signOut: async () => {
        const ended = session;
        clearSession(env.storage);
        env.storage.removeItem(RETURN_KEY);
        clearDrafts(env.storage);
        setSession(null);
        setStatus('signed-out');
        if (ended?.method === 'oidc' && oidc) {
          const url = signOutUrl(
            await issuer().catch(() => ({ issuer: '', authorization_endpoint: '', token_endpoint: '' })),
            oidc,
            ended.idToken,
            `${env.origin}/signin`,
          );
          if (url) return env.assign(url);
        }
        navigate('/signin', { replace: true });
      },
      expire,
      identify: (userId) => clearDrafts(env.storage, userId),
    }),
    [config, session, status, env, start, oidc, issuer, navigate, expire],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth needs an AuthProvider');
  return value;
}
