/**
 * `teamCaseloads`: a supervisor's row per case manager of their agency.
 * Only supervisors (the role that works every client of the agency and
 * transfers caseloads); everyone else, admins included, is refused and the
 * refusal audited. The rows are counted in one statement (team-caseloads.sql.ts);
 * plans and referrals add theirs through the signed caseload grant.
 */
import DataLoader from 'dataloader';
import { forbidden } from '@caseflow/core';
import { HIGH_PRIORITY_LEVELS } from '../caseload/priority.rules';
import type { CaseloadSummary } from './caseload-summary.type';
import { type TeamCaseloadRow, teamCaseloads } from './team-caseloads.sql';
import type { ClientsDeps } from '../deps';

export class TeamCaseloadQueries {
  private readonly byStaff: DataLoader<string, CaseloadSummary | null>;

  constructor(private readonly deps: ClientsDeps) {
    // References (another subgraph returning a CaseloadSummary): every one of the request in one statement.
    this.byStaff = new DataLoader(async (ids) => {
      const rows = await teamCaseloads(this.deps.dataSource, deps.actor.organizationId, HIGH_PRIORITY_LEVELS, new Date(), ids);
      const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** Every case manager of the caller's agency, by name. */
  async list(): Promise<CaseloadSummary[]> {
    this.assertSupervisor(null);
    const rows = await teamCaseloads(this.deps.dataSource, this.deps.actor.organizationId, HIGH_PRIORITY_LEVELS, new Date(), null);
    this.deps.audit.note({ action: 'READ', entityType: 'CaseloadSummary', detail: `${rows.length} case managers` });
    return rows.map(toSummary);
  }

  /** One case manager's row, for `__resolveReference`: null for anyone not a case manager of the caller's agency. */
  async reference(staffMemberId: string): Promise<CaseloadSummary | null> {
    this.assertSupervisor(staffMemberId);
    return /^[0-9a-f-]{36}$/i.test(staffMemberId) ? this.byStaff.load(staffMemberId.toLowerCase()) : null;
  }

  private assertSupervisor(staffMemberId: string | null): void {
    if (this.deps.actor.role === 'SUPERVISOR') return;
    this.deps.audit.note({
      action: 'READ',
      entityType: 'CaseloadSummary',
      entityId: staffMemberId,
      outcome: 'DENIED',
      detail: `role ${this.deps.actor.role}`,
    });
    throw forbidden("Only a supervisor may see the team's caseloads");
  }
}

function toSummary(r: TeamCaseloadRow): CaseloadSummary {
  return {
    staffMemberId: r.id,
    staffMember: {
      id: r.id,
      displayName: r.display_name,
      email: r.email,
      role: r.role,
      organization: { id: r.organization_id },
      active: r.active,
    },
    openClients: r.open_clients,
    highPriority: r.high_priority,
    overdueFollowUps: r.overdue_follow_ups,
    clientIds: r.client_ids,
    organizationId: r.organization_id,
  };
}
