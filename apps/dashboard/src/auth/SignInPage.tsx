/**
 * Sign-in. In the demo, the seeded staff to choose from (the gateway's demo
 * sign-in); in production, single sign-on with the organization's issuer.
 * After an expired session it says so, and sends the person back where they
 * were once signed in.
 */
import { useEffect, useState } from 'react';
import { useDocumentTitle } from '../ui/hooks';
import { Loading } from '../ui/feedback';
import { label } from '../lib/labels';
import { useAuth } from './AuthProvider';
import { type DemoUser, listDemoUsers } from './demo';
import { RETURN_KEY } from './session';

export function SignInPage() {
  const { config, status, storage } = useAuth();
  useDocumentTitle('Sign in');
  // A link to a page of the app, opened signed out, is where to go once signed in.
  useEffect(() => {
    const here = window.location.pathname + window.location.search;
    if (here !== '/' && !here.startsWith('/signin') && !storage.getItem(RETURN_KEY)) storage.setItem(RETURN_KEY, here);
  }, [storage]);
  return (
    <main id="main" className="signin" tabIndex={-1}>
      <div className="signin-card">
        <p className="brand-mark" aria-hidden="true">
          Caseflow
        </p>
        <h1>Sign in to Caseflow</h1>
        {status === 'expired' ? (
          <p className="notice warning" role="alert">
            Your session has ended. Sign in again to carry on where you were; what you had typed is kept.
          </p>
        ) : null}
        {config.auth.mode === 'oidc' ? <SingleSignOn /> : <DemoSignIn />}
      </div>
    </main>
  );
}

function SingleSignOn() {
  const { beginOidc } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <p>Use your organization account.</p>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          beginOidc().catch((e: unknown) => {
            setBusy(false);
            setError(e instanceof Error ? e.message : 'Sign-in could not start.');
          });
        }}
      >
        {busy ? 'Going to sign-in…' : 'Sign in with your organization'}
      </button>
    </>
  );
}

function DemoSignIn() {
  const { signInDemo, fetch: fetchFn } = useAuth();
  const [users, setUsers] = useState<DemoUser[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    listDemoUsers(fetchFn).then(setUsers, (e: unknown) =>
      setError(e instanceof Error ? e.message : 'The demo sign-in could not be reached.'),
    );
  }, [fetchFn]);

  if (error && users === undefined) {
    return (
      <p className="notice error" role="alert">
        The demo sign-in could not be reached: {error}
      </p>
    );
  }
  if (users === undefined) return <Loading label="Loading the demo staff" />;
  if (users === null) {
    return (
      <p className="notice error" role="alert">
        This server has no demo sign-in and the dashboard is not configured for single sign-on (config.json). Ask your administrator.
      </p>
    );
  }
  return (
    <>
      <p>This is a demonstration with invented people. Choose whom to sign in as:</p>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="demo-users">
        {users.map((u) => (
          <li key={u.email}>
            <button
              type="button"
              className="demo-user"
              disabled={busy !== null}
              onClick={() => {
                setBusy(u.email);
                setError(null);
                signInDemo(u.email).catch((e: unknown) => {
                  setBusy(null);
                  setError(e instanceof Error ? e.message : 'Sign-in failed.');
                });
              }}
            >
              <span className="demo-name">{busy === u.email ? `Signing in as ${u.displayName}…` : u.displayName}</span>
              <span className="demo-role">
                {label(u.role)} · {u.organizationName ?? 'no organization'}
              </span>
              <span className="demo-email">{u.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
