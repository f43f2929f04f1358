/** The demo case team: Jordan covers one of Casey's active clients as secondary case manager. */
import type { EntityManager } from 'typeorm';
import { type DemoWorld, demoId, demoStaff } from '@caseflow/demo';

export interface DemoCaseTeamMember {
  id: string;
  clientId: string;
  staffMemberId: string;
  role: 'SECONDARY_CASE_MANAGER' | 'SPECIALIST' | 'PEER_SUPPORT';
  addedBy: string;
}

/** The demo's case team rows: Casey's last active client, with Jordan on it (tests that need a client without a team skip it). */
export function demoCaseTeam(world: DemoWorld): DemoCaseTeamMember[] {
  const casey = demoStaff('casey');
  const client = [...world.clients].reverse().find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE');
  if (!client) return [];
  const staffMemberId = demoStaff('jordan').id;
  return [
    {
      id: demoId('case-team', `${client.id}:${staffMemberId}`),
      clientId: client.id,
      staffMemberId,
      role: 'SECONDARY_CASE_MANAGER',
      addedBy: casey.id,
    },
  ];
}

export async function seedCaseTeam(tx: EntityManager, world: DemoWorld, addedAt: Date): Promise<void> {
  for (const m of demoCaseTeam(world)) {
    await tx.query(
      `INSERT INTO clients.case_team_member (id, client_id, staff_member_id, role, added_at, added_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING`,
      [m.id, m.clientId, m.staffMemberId, m.role, addedAt, m.addedBy],
    );
  }
}
