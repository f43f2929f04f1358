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
