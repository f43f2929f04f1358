import { type Actor, ROLES, type Role } from '@caseflow/auth';
import { assertCanReadDirectory, mayReadDirectory } from './directory.policy';

const actor = (role: Role): Actor => ({ staffId: '00000000-0000-4000-8000-000000000001', role, organizationId: '00000000-0000-4000-8000-00000000000a' });

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
