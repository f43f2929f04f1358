/** The OIDC redirect URI: checks the issuer's answer, exchanges the code, and goes on to where sign-in began. */
import { useEffect, useRef, useState } from 'react';
import { Link } from '../app/router';
import { Loading } from '../ui/feedback';
import { useDocumentTitle } from '../ui/hooks';
import { useAuth } from './AuthProvider';

export function CallbackPage() {
  const { completeOidc } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  useDocumentTitle('Signing in');
  useEffect(() => {
    // The code can be exchanged once only: a second effect run (strict mode) must not try again.
    if (started.current) return;
    started.current = true;
    completeOidc(window.location.href).catch((e: unknown) => setError(e instanceof Error ? e.message : 'Sign-in failed.'));
  }, [completeOidc]);
  return (
    <main id="main" className="signin" tabIndex={-1}>
      <div className="signin-card">
        <h1>Signing in</h1>
        {error ? (
          <>
            <p className="notice error" role="alert">
              {error}
            </p>
            <Link to="/signin" className="button primary">
              Back to sign-in
            </Link>
          </>
        ) : (
          <Loading label="Finishing sign-in" />
        )}
      </div>
    </main>
  );
}
