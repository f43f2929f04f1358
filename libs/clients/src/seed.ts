import type { DataSource } from 'typeorm';
import { DEMO_STAFF, type DemoWorld, demoId } from '@caseflow/demo';
import { searchNameOf, sortKeyOf } from './shared/names';

const DAY = 86_400_000;

/** Writes the clients subgraph's part of the demo world (staff, clients, consents); safe to run twice. */
export async function seedClients(dataSource: DataSource, world: DemoWorld): Promise<void> {
  await dataSource.transaction(async (tx) => {
    for (const s of DEMO_STAFF) {
      await tx.query(
        `INSERT INTO clients.staff_member (id, email, display_name, role, organization_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING`,
        [s.id, s.email, s.displayName, s.role, s.organizationId],
      );
    }
    for (const c of world.clients) {
      await tx.query(
        `INSERT INTO clients.client (id, organization_id, first_name, last_name, preferred_name, date_of_birth, status, intake_date,
                                     assigned_case_manager_id, search_name, sort_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [c.id, c.organizationId, c.firstName, c.lastName, c.preferredName, c.dateOfBirth, c.status, c.intakeDate, c.caseManagerId,
          searchNameOf(c.firstName, c.lastName, c.preferredName), sortKeyOf(c.firstName, c.lastName)],
      );
    }
    // Consents to the partner each referral goes to: most active, some expired, some revoked, so that partner views differ.
    for (const [i, r] of world.referrals.entries()) {
      const kind = i % 6 === 4 ? 'expired' : i % 6 === 5 ? 'revoked' : 'active';
      const signedAt = new Date(world.today.getTime() - (kind === 'expired' ? 120 : 30) * DAY);
      const expiresAt = new Date(signedAt.getTime() + 91 * DAY);
      const revokedAt = kind === 'revoked' ? new Date(world.today.getTime() - 2 * DAY) : null;
      await tx.query(
        `INSERT INTO clients.consent (id, client_id, recipient_organization_id, scope, purpose, signed_at, expires_at, revoked_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
        [demoId('consent', r.id), r.clientId, r.organizationId, ['CONTACT_INFO', 'REFERRAL_DETAILS'], 'Referral for support services', signedAt, expiresAt, revokedAt, r.referredById],
      );
    }
  });
}
