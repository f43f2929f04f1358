import { type Actor, type Role } from '@caseflow/auth';
import { forbidden } from '@caseflow/core';

/**
 * Who may read the community-resource directory: every staff role. The
 * directory is public information about agencies and their services (no
 * client data), which case managers refer to, partners maintain, analysts
 * group figures by and admins curate. A role not listed here reads nothing.
 */
const DIRECTORY_READERS: ReadonlySet<Role> = new Set<Role>(['CASE_MANAGER', 'SUPERVISOR', 'PARTNER', 'ANALYST', 'ADMIN']);

export function mayReadDirectory(actor: Actor): boolean {
  return DIRECTORY_READERS.has(actor.role);
}

/** Throws FORBIDDEN unless the caller may read the directory. */
export function assertCanReadDirectory(actor: Actor): void {
  if (!mayReadDirectory(actor)) throw forbidden('Your role may not read the resource directory');
}

/**
 * Who may change an organization's directory entries (its services,
 * locations, services at locations, phones and schedules): a partner agency
 * its own organization's, an admin any. Everyone else, and a partner for
 * another organization, is refused. An entry with no organization (an
 * imported location whose owner is unknown) is an admin's to change.
 */
export function mayEditOrganization(actor: Actor, organizationId: string | null): boolean {
  if (actor.role === 'ADMIN') return true;
  return actor.role === 'PARTNER' && organizationId !== null && actor.organizationId === organizationId;
}
