/** The demo sign-in of the gateway (development only): the seeded staff and a token for any of them. */
export interface DemoUser {
  email: string;
  displayName: string;
  role: string;
  organizationId: string;
  organizationName: string | null;
}

type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The demo staff, or null when this gateway has no demo sign-in (production answers 404). */
export async function listDemoUsers(fetchFn: FetchLike): Promise<DemoUser[] | null> {
  const res = await fetchFn('/auth/demo-users', { headers: { accept: 'application/json' } });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`The demo sign-in answered ${res.status}`);
  const body = (await res.json()) as { users?: DemoUser[] };
  return Array.isArray(body.users) ? body.users : [];
}

export async function demoSignIn(fetchFn: FetchLike, email: string): Promise<{ token: string; expiresAt: string }> {
  const res = await fetchFn('/auth/demo-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string; expiresAt?: string; errors?: Array<{ message: string }> };
  if (!res.ok || !body.token || !body.expiresAt) throw new Error(body.errors?.[0]?.message ?? `The demo sign-in answered ${res.status}`);
  return { token: body.token, expiresAt: body.expiresAt };
}
