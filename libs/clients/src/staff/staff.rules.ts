/**
 * Who sees which colleagues in `staffMembers`, and its arguments. A list of
 * one agency's staff, never another's: supervisors and admins see all of
 * their agency's accounts (deactivated ones too, marked `active: false`);
 * case managers see the active case managers and supervisors, whom they
 * hand work to; partners and analysts see none (a partner is another
 * agency; an analyst's work names nobody).
 */
import { type Actor, ROLES, type Role } from '@caseflow/auth';
import { badInput, optionalText } from '@caseflow/core';
import { pageSize } from '@caseflow/db';

export const STAFF_PAGE_DEFAULT = 50;
const MAX_SEARCH = 200;
const MAX_ROLES = 10;
const COLLEAGUE_ROLES: readonly Role[] = ['CASE_MANAGER', 'SUPERVISOR'];

export interface StaffScope {
  roles: Role[];
  activeOnly: boolean;
}

/** What the caller may list, within the roles asked for (all when none are given); null when they may list no one. */
export function staffScopeOf(actor: Actor, role: readonly Role[] | null | undefined): StaffScope | null {
  const asked = role?.length ? [...new Set(role)] : [...ROLES];
  if (actor.role === 'SUPERVISOR' || actor.role === 'ADMIN') return { roles: asked, activeOnly: false };
  if (actor.role === 'CASE_MANAGER') return { roles: asked.filter((r) => COLLEAGUE_ROLES.includes(r)), activeOnly: true };
  return null;
}

/** The arguments of `staffMembers`, checked: BAD_USER_INPUT naming the argument. */
export function staffListArgs(
  role: readonly string[] | null | undefined,
  search: string | null | undefined,
  first: number | null | undefined,
): { role: Role[] | null; words: string[]; size: number } {
  if (role && role.length > MAX_ROLES) throw badInput('role', `must list at most ${MAX_ROLES} roles`);
  if (role?.some((r) => !(ROLES as readonly string[]).includes(r))) throw badInput('role', `must be roles: ${ROLES.join(', ')}`);
  const text = optionalText('search', search, { max: MAX_SEARCH });
  const size = pageSize(first, STAFF_PAGE_DEFAULT);
  if (size < 1) throw badInput('first', 'must be at least 1');
  const words = text ? [...new Set(text.toLowerCase().split(/\s+/))] : [];
  return { role: role ? (role as Role[]) : null, words, size };
}
