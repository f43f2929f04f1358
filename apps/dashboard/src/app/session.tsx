/** The GraphQL client of the signed-in session, and who is signed in (`me`), for every page under it. */
import { type ReactNode, createContext, useContext, useEffect, useMemo, useRef } from 'react';
import { Provider, useQuery } from 'urql';
import { isUnauthenticated } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { AgencyTimeZoneDocument, MeDocument, type MeQuery } from '../graphql/generated';
import { ErrorNotice, Loading } from '../ui/feedback';
import { agencyZone } from '../lib/zone';
import { createApiClient } from './api';

export type Me = MeQuery['me'];

const MeContext = createContext<Me | null>(null);
const ZoneContext = createContext<string | null>(null);

export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, expire, fetch: fetchFn } = useAuth();
  const token = useRef<string | null>(null);
  token.current = session?.token ?? null;
  // A new client (and cache) per session: nothing one person loaded is shown to the next.
  const client = useMemo(() => createApiClient(() => token.current, expire, fetchFn), [session?.token, expire, fetchFn]);
  return <Provider value={client}>{children}</Provider>;
}

export function MeGate({ children }: { children: ReactNode }) {
  const { identify, signOut } = useAuth();
  const [result, retry] = useQuery({ query: MeDocument, requestPolicy: 'cache-first' });
  const me = result.data?.me ?? null;
  useEffect(() => {
    if (me) identify(me.id);
  }, [me, identify]);
  if (result.error && !me) {
    if (isUnauthenticated(result.error)) return <Loading label="Returning to sign-in" />;
    return (
      <main className="centered">
        <h1>Caseflow could not start</h1>
        <ErrorNotice error={result.error} onRetry={() => retry({ requestPolicy: 'network-only' })} />
        <button type="button" className="button secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </main>
    );
  }
  if (!me) return <Loading label="Loading your workspace" />;
  return (
    <MeContext.Provider value={me}>
      <ZoneGate>{children}</ZoneGate>
    </MeContext.Provider>
  );
}

/**
 * The agency's time zone before the pages render, so that a week or a date
 * is never first drawn on another clock; when it cannot be had, the
 * browser's (the pages still work).
 */
function ZoneGate({ children }: { children: ReactNode }) {
  const [result] = useQuery({ query: AgencyTimeZoneDocument, requestPolicy: 'cache-first' });
  if (result.fetching && !result.data && !result.error) return <Loading label="Loading your workspace" />;
  const zone = agencyZone(result.data?.me.organization?.timeZone);
  return <ZoneContext.Provider value={zone}>{children}</ZoneContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe needs a MeGate');
  return me;
}

/** The agency's time zone (the browser's when it has none): the zone of "today" and of every date the pages show. */
export function useAgencyZone(): string {
  const zone = useContext(ZoneContext);
  if (!zone) throw new Error('useAgencyZone needs a MeGate');
  return zone;
}
