import { caseloadRequest, staffOptions } from './caseload';

const me = { id: 'casey' };

describe('the caseload page', () => {
  it('asks for the caseload by priority, or searches by name when there are words', () => {
    expect(caseloadRequest({ status: ['ACTIVE'], search: '', caseManagerId: null }, me, null)).toEqual({
      kind: 'caseload',
      variables: { first: 20, after: null, status: ['ACTIVE'], caseManagerId: null },
    });
    expect(caseloadRequest({ status: [], search: ' zélie ', caseManagerId: 'jordan' }, me, 'c1')).toEqual({
      kind: 'search',
      variables: { first: 20, after: 'c1', filter: { nameContains: 'zélie', status: null, assignedCaseManagerId: 'jordan' } },
    });
    expect(caseloadRequest({ status: [], search: 'x', caseManagerId: null }, me, null).variables).toMatchObject({
      filter: { assignedCaseManagerId: 'casey' },
    });
  });

  it('lists each assignee once, case managers first', () => {
    const options = staffOptions([
      { id: 's', displayName: 'Sam Okafor', role: 'SUPERVISOR' },
      null,
      { id: 'j', displayName: 'Jordan Lee', role: 'CASE_MANAGER' },
      { id: 'c', displayName: 'Casey Morgan', role: 'CASE_MANAGER' },
      { id: 'j', displayName: 'Jordan Lee', role: 'CASE_MANAGER' },
    ]);
    expect(options.map((o) => o.displayName)).toEqual(['Casey Morgan', 'Jordan Lee', 'Sam Okafor']);
  });
});
