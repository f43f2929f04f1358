import type { Actor } from '@caseflow/auth';
import { isUuid } from '@caseflow/auth';
import { badInput, forbidden, unauthenticated } from '@caseflow/core';
import { decodeCursor, encodeCursor } from '@caseflow/db';
import { toStaffMember } from './staff.mapper';
import { staffListArgs, staffScopeOf } from './staff.rules';
import { type StaffMemberRow, staffList } from './staff.sql';
import type { StaffMember, StaffMemberConnection } from './staff.type';
import type { ClientsDeps } from '../deps';

/**
 * Staff directory reads. Any signed-in staff member may see a colleague's
 * name, role and agency by id; the list of an agency's staff
 * (`staffMembers`) follows `staff.rules.ts`.
 */
export class StaffQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async me(actor: Actor): Promise<StaffMember> {
    const entity = await this.deps.loaders.staff.load(actor.staffId);
    if (!entity) throw unauthenticated('Your staff account is not known to Caseflow');
    return toStaffMember(entity);
  }

  async get(_actor: Actor, id: string, field = 'id'): Promise<StaffMember | null> {
    if (!isUuid(id)) throw badInput(field, 'must be a UUID');
    const entity = await this.deps.loaders.staff.load(id);
    return entity ? toStaffMember(entity) : null;
  }

  /** The caller's agency's staff they may see, by name then id (keyset pages); optionally in these roles and with every word of `search` in the name. */
  async list(
    actor: Actor,
    role: readonly string[] | null | undefined,
    search: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<StaffMemberConnection> {
    const args = staffListArgs(role, search, first);
    const cursor = decodeCursor(after, ['text', 'uuid']) as [string, string] | null;
    const scope = staffScopeOf(actor, args.role);
    if (!scope) {
      this.deps.audit.note({ action: 'SEARCH', entityType: 'StaffMember', outcome: 'DENIED', detail: `staffMembers, role ${actor.role}` });
      throw forbidden("Your role may not list your agency's staff");
    }
    const rows = await staffList(this.deps.dataSource, {
      organizationId: actor.organizationId.toLowerCase(),
      roles: scope.roles,
      activeOnly: scope.activeOnly,
      words: args.words,
      after: cursor,
      limit: args.size + 1,
    });
    const found = rows.filter((row) => row.id !== null) as StaffMemberRow[];
    const edges = found.slice(0, args.size).map((row) => ({ cursor: encodeCursor([row.displayName, row.id]), node: toStaffMember(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: found.length > args.size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: rows[0]?.total ?? 0,
    };
  }

  /** For `__resolveReference`: batched through the loader; unknown ids resolve to null. */
  async reference(_actor: Actor, id: string): Promise<StaffMember | null> {
    if (!isUuid(id)) return null;
    const entity = await this.deps.loaders.staff.load(id);
    return entity ? toStaffMember(entity) : null;
  }
}
