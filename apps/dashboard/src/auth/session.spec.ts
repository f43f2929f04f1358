import { EXPIRY_MARGIN_MS, SESSION_KEY, isExpired, loadSession, msUntilExpiry, safeReturnPath, saveSession } from './session';

function store() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('the session', () => {
  // Today, whenever the suite runs; the session's functions take the clock as an argument.
  const now = new Date();
  const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

  it('is kept until shortly before its token expires', () => {
    const s = store();
    const session = { token: 't', expiresAt: inMinutes(60), method: 'demo' as const };
    saveSession(s, session);
    expect(loadSession(s, now)).toEqual(session);
    expect(msUntilExpiry(session, now)).toBe(3600_000 - EXPIRY_MARGIN_MS);
    expect(isExpired(session, new Date(Date.parse(session.expiresAt) - EXPIRY_MARGIN_MS))).toBe(true);
  });

  it('drops an expired or damaged session', () => {
    const s = store();
    saveSession(s, { token: 't', expiresAt: inMinutes(-1), method: 'demo' });
    expect(loadSession(s, now)).toBeNull();
    expect(s.map.has(SESSION_KEY)).toBe(false);
    s.setItem(SESSION_KEY, '{"token":1}');
    expect(loadSession(s, now)).toBeNull();
  });

  it('returns only to a path of this app after sign-in', () => {
    expect(safeReturnPath('/clients/1?tab=plan')).toBe('/clients/1?tab=plan');
    expect(['https://evil.example', '//evil.example', '/signin', null].map(safeReturnPath)).toEqual(['/', '/', '/', '/']);
  });
});
