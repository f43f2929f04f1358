import { type Actor, ROLES, type Role } from '@caseflow/auth';
import { assertCanReadDirectory, mayEditOrganization, mayReadDirectory } from './directory.policy';

const actor = (role: Role): Actor => ({
  staffId: '00000000-0000-4000-8000-000000000001',
  role,
  organizationId: '00000000-0000-4000-8000-00000000000a',
});

describe('directory read policy', () => {
  it('lets every staff role read the directory', () => {
    for (const role of ROLES) {
      expect(mayReadDirectory(actor(role))).toBe(true);
      expect(() => assertCanReadDirectory(actor(role))).not.toThrow();
    }
  });

  it('denies a role it does not know', () => {
    const stranger = actor('VOLUNTEER' as Role);
    expect(mayReadDirectory(stranger)).toBe(false);
    expect(() => assertCanReadDirectory(stranger)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

describe('directory edit policy', () => {
  const own = '00000000-0000-4000-8000-00000000000a';
  const other = '00000000-0000-4000-8000-00000000000b';

  it("lets a partner edit only their own organization's entries", () => {
    expect(mayEditOrganization(actor('PARTNER'), own)).toBe(true);
    expect(mayEditOrganization(actor('PARTNER'), other)).toBe(false);
    expect(mayEditOrganization(actor('PARTNER'), null)).toBe(false);
  });

  it('lets an admin edit every entry, and no other role any', () => {
    expect(mayEditOrganization(actor('ADMIN'), other)).toBe(true);
    expect(mayEditOrganization(actor('ADMIN'), null)).toBe(true);
    for (const role of ['CASE_MANAGER', 'SUPERVISOR', 'ANALYST'] as const) expect(mayEditOrganization(actor(role), own)).toBe(false);
  });
});
