/** Reads of the case team: a client's current members, for callers with case access only (partners get none). */
import type { Client } from '../client/client.type';
import type { StaffMemberEntity } from '../staff/staff.entity';
import { toStaffMember } from '../staff/staff.mapper';
import type { CaseTeamMember } from './team.type';
import type { ClientsDeps } from '../deps';

export class TeamQueries {
  constructor(private readonly deps: ClientsDeps) {}

  /** The client's current case team, oldest member first; [] without case access (the team is never shared by consent). */
  async forClient(client: Client): Promise<CaseTeamMember[]> {
    if (!client.access.caseRecord) return [];
    const rows = await this.deps.loaders.caseTeam.load(client.id);
    this.deps.audit.noteReads('CaseTeamMember', rows, client.id);
    const staff = await this.deps.loaders.staff.loadMany(rows.flatMap((r) => [r.staff_member_id, r.added_by]));
    const byId = new Map(
      staff.flatMap((s) => (s && !(s instanceof Error) ? [[s.id, toStaffMember(s as StaffMemberEntity)] as const] : [])),
    );
    return rows.flatMap((r) => {
      const [member, addedBy] = [byId.get(r.staff_member_id), byId.get(r.added_by)];
      return member && addedBy ? [{ staffMember: member, role: r.role, addedAt: r.added_at, addedBy, until: r.until }] : [];
    });
  }
}
