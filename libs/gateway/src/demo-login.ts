/**
 * The demo sign-in the dashboard uses: the seeded staff, and a token for any
 * of them. Only `npm start` (development) provides it; the gateway refuses to
 * start with it in production, and without it these paths answer 404.
 */
import { mintBearerToken } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import { DEMO_ORGANIZATION_NAMES, DEMO_STAFF, demoStaffByEmail } from '@caseflow/demo';
import type { GetRoute, JsonRoute } from '@caseflow/federation';

export interface DemoUser {
  email: string;
  displayName: string;
  role: string;
  organizationId: string;
  organizationName: string | null;
}

export interface DemoLogin {
  users(): DemoUser[];
  /** A bearer token for the user with this email, or null when there is none. */
  mint(email: string): Promise<{ token: string; expiresAt: string } | null>;
}

/** The demo sign-in over the seeded staff, signing with the development issuer's key. */
export function demoLogin(privateKeyPem: string, issuer: string, audience: string, ttlSeconds = 8 * 3600): DemoLogin {
  return {
    users: () =>
      DEMO_STAFF.map((s) => ({
        email: s.email,
        displayName: s.displayName,
        role: s.role,
        organizationId: s.organizationId,
        organizationName: DEMO_ORGANIZATION_NAMES[s.organizationId] ?? null,
      })),
    mint: async (email) => {
      const staff = demoStaffByEmail(email);
      if (!staff) return null;
      const token = await mintBearerToken(
        privateKeyPem,
        { staffId: staff.id, role: staff.role, organizationId: staff.organizationId },
        { issuer, audience, expiresInSeconds: ttlSeconds, email: staff.email },
      );
      return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
    },
  };
}

export const DEMO_USERS_PATH = '/auth/demo-users';
export const DEMO_LOGIN_PATH = '/auth/demo-login';

export function demoLoginRoutes(demo: DemoLogin): { get: Record<string, GetRoute>; post: Record<string, JsonRoute> } {
  return {
    get: { [DEMO_USERS_PATH]: async () => ({ status: 200, body: { users: demo.users() } }) },
    post: {
      [DEMO_LOGIN_PATH]: async (body) => {
        const email = (body as { email?: unknown })?.email;
        if (typeof email !== 'string' || !email.trim()) throw badInput('email', 'must be the email of a demo user');
        const minted = await demo.mint(email);
        if (!minted) throw badInput('email', 'is not a demo user');
        const user = demo.users().find((u) => u.email === email.trim().toLowerCase());
        return { ...minted, user };
      },
    },
  };
}
