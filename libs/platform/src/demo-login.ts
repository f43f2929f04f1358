import { mintBearerToken } from '@caseflow/auth';
import { DEMO_ORGANIZATION_NAMES, DEMO_STAFF, demoStaffByEmail } from '@caseflow/demo';
import type { DemoLogin } from '@caseflow/gateway';

/** The demo sign-in over the seeded staff, signing with the development issuer's key. */
export function demoLogin(privateKeyPem: string, issuer: string, audience: string, ttlSeconds = 8 * 3600): DemoLogin {
  return {
    users: () =>
      DEMO_STAFF.map((s) => ({ email: s.email, displayName: s.displayName, role: s.role, organizationId: s.organizationId, organizationName: DEMO_ORGANIZATION_NAMES[s.organizationId] ?? null })),
    mint: (email) => {
      const staff = demoStaffByEmail(email);
      if (!staff) return null;
      const token = mintBearerToken(privateKeyPem, { staffId: staff.id, role: staff.role, organizationId: staff.organizationId }, { issuer, audience, expiresInSeconds: ttlSeconds, email: staff.email });
      return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
    },
  };
}
