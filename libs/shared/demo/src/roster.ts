/**
 * The demo roster: the named staff of the product specification and their
 * organizations, with fixed ids so that every subgraph's seed, the token
 * command and the tests agree. All names are invented.
 */
import type { Role } from '@caseflow/auth';
import { demoId } from './ids';

export interface DemoStaff {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export const HARBOUR_ID = demoId('organization', 'harbour-employment-services');
export const NORTHSIDE_ID = demoId('organization', 'northside-food-bank');
export const EASTSIDE_ID = demoId('organization', 'eastside-housing-help');

/** The names of the demo staff's agencies (their directory entries carry the same names). */
export const DEMO_ORGANIZATION_NAMES: Readonly<Record<string, string>> = {
  [HARBOUR_ID]: 'Harbour Employment Services',
  [NORTHSIDE_ID]: 'Northside Food Bank',
  [EASTSIDE_ID]: 'Eastside Housing Help',
};

function staff(key: string, displayName: string, role: Role, organizationId: string): DemoStaff {
  return { id: demoId('staff', key), email: `${key}@demo.caseflow`, displayName, role, organizationId };
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  staff('casey', 'Casey Morgan', 'CASE_MANAGER', HARBOUR_ID),
  staff('jordan', 'Jordan Lee', 'CASE_MANAGER', HARBOUR_ID),
  staff('sam', 'Sam Okafor', 'SUPERVISOR', HARBOUR_ID),
  staff('pat', 'Pat Rivera', 'PARTNER', NORTHSIDE_ID),
  staff('robin', 'Robin Chen', 'PARTNER', EASTSIDE_ID),
  staff('alex', 'Alex Novak', 'ANALYST', HARBOUR_ID),
  staff('admin', 'Demo Administrator', 'ADMIN', HARBOUR_ID),
];

export function demoStaffByEmail(email: string): DemoStaff | undefined {
  return DEMO_STAFF.find((s) => s.email.toLowerCase() === email.trim().toLowerCase());
}

export function demoStaff(key: 'casey' | 'jordan' | 'sam' | 'pat' | 'robin' | 'alex' | 'admin'): DemoStaff {
  return demoStaffByEmail(`${key}@demo.caseflow`) as DemoStaff;
}
