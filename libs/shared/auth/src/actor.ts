export const ROLES = ['CASE_MANAGER', 'SUPERVISOR', 'PARTNER', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller: who, in which role, for which organization. Passed explicitly to every service call. */
export interface Actor {
  staffId: string;
  role: Role;
  organizationId: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The UUID test lives with the input rules in @caseflow/core; it is offered here too for the callers that check actors. */
export { isUuid } from '@caseflow/core';
