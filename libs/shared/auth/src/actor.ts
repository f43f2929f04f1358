export const ROLES = ['CASE_MANAGER', 'SUPERVISOR', 'PARTNER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A caller who is not a staff member: a partner's system holding an OAuth 2.0
 * client-credentials token (`machine`, named by its client id; `write` when
 * its token grants `directory:write`), or an anonymous reader of the public
 * directory (`anonymous`). Either reads the resource directory only: every
 * other subgraph refuses it before anything runs.
 */
export type DirectoryClient = { kind: 'machine'; id: string; write: boolean } | { kind: 'anonymous' };

/** The verified caller: who, in which role, for which organization. Passed explicitly to every service call. */
export interface Actor {
  staffId: string;
  role: Role;
  organizationId: string;
  /** Set for a directory client (then staffId is nil); absent for a staff member. */
  client?: DirectoryClient;
}

/** The staff id of a caller who is nobody on the staff (a directory client, the calendar feed's reader). */
export const NIL_ID = '00000000-0000-0000-0000-000000000000';

/** An anonymous reader of the public directory (DIRECTORY_PUBLIC=true): no staff member, no organization, reads only. */
export const ANONYMOUS_READER: Actor = { staffId: NIL_ID, role: 'PARTNER', organizationId: NIL_ID, client: { kind: 'anonymous' } };

/** A machine client's actor: no staff member; its organization (the partner whose entries it may edit with `write`) or nil. */
export function machineActor(id: string, write: boolean, organizationId: string | undefined): Actor {
  return { staffId: NIL_ID, role: 'PARTNER', organizationId: organizationId ?? NIL_ID, client: { kind: 'machine', id, write } };
}

/** How logs and audit details name a directory client: `client <id>` or `anonymous`; undefined for staff. */
export function clientLabel(actor: Actor): string | undefined {
  if (!actor.client) return undefined;
  return actor.client.kind === 'machine' ? `client ${actor.client.id}` : 'anonymous';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The UUID test lives with the input rules in @caseflow/core; it is offered here too for the callers that check actors. */
export { isUuid } from '@caseflow/core';
