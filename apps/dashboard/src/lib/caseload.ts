/** The caseload page's choices: which query answers them, and the case managers a supervisor can switch to. */
import type { AgencyCaseManagersQuery, ClientStatus } from '../graphql/generated';

export interface CaseloadFilters {
  status: ClientStatus[];
  search: string;
  /** Supervisors: whose caseload (null: their own). */
  caseManagerId: string | null;
}

export const DEFAULT_STATUSES: ClientStatus[] = ['INTAKE', 'ACTIVE', 'ON_HOLD'];
export const PAGE_SIZE = 20;

/**
 * Searching by name uses `clients(filter:)` (ordered by name); otherwise the
 * caseload is `myCaseload`, most urgent first.
 */
export function caseloadRequest(filters: CaseloadFilters, me: { id: string }, after: string | null) {
  const search = filters.search.trim();
  if (search) {
    return {
      kind: 'search' as const,
      variables: {
        first: PAGE_SIZE,
        after,
        filter: {
          nameContains: search,
          status: filters.status.length ? filters.status : null,
          assignedCaseManagerId: filters.caseManagerId ?? me.id,
        },
      },
    };
  }
  return {
    kind: 'caseload' as const,
    variables: { first: PAGE_SIZE, after, status: filters.status.length ? filters.status : null, caseManagerId: filters.caseManagerId },
  };
}

export interface StaffOption {
  id: string;
  displayName: string;
  role: string;
}

/** Distinct staff members, without deactivated accounts, case managers first, then by name. */
export function staffOptions(assignees: Array<(StaffOption & { active?: boolean }) | null>): StaffOption[] {
  const byId = new Map<string, StaffOption>();
  for (const s of assignees) if (s && s.active !== false && !byId.has(s.id)) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) =>
    a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === 'CASE_MANAGER' ? -1 : 1,
  );
}

/** The colleagues the pickers offer: the agency's case managers and supervisors from `staffMembers` (AgencyCaseManagers). */
export function agencyStaff(data: AgencyCaseManagersQuery | undefined): StaffOption[] {
  return staffOptions(data?.staffMembers.edges.map((e) => e.node) ?? []);
}

export const PRIORITY_ORDER = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'] as const;
