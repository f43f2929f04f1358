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
 * imported location whose owner is unknown) is an admin's to change. A
 * machine client with `directory:write` edits as a partner of the
 * organization its token names; a read-only or anonymous client edits nothing.
 */
export function mayEditOrganization(actor: Actor, organizationId: string | null): boolean {
  // A directory client edits only with directory:write, and only its own partner organization's entries (as a partner).
  if (isReadOnlyClient(actor)) return false;
  if (actor.role === 'ADMIN') return true;
  return actor.role === 'PARTNER' && organizationId !== null && actor.organizationId === organizationId;
}

/** A directory client without `directory:write` (a read-only machine client, an anonymous reader): it changes nothing. */
export function isReadOnlyClient(actor: Actor): boolean {
  return !!actor.client && !(actor.client.kind === 'machine' && actor.client.write);
}
