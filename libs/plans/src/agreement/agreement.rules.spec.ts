import { isAppError } from '@caseflow/core';
import { checkMethod, checkNote, currentAgreement, isAwaitingAgreement } from './agreement.rules';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, field: error.details?.field };
    throw error;
  }
  throw new Error('not refused');
};

describe('agreement rules', () => {
  const newestFirst = [
    { planVersion: 4, method: 'ELECTRONIC' },
    { planVersion: 4, method: 'VERBAL' },
    { planVersion: 2, method: 'VERBAL' },
  ];

  it('takes the newest agreement to the current version as the current one', () => {
    expect(currentAgreement({ version: 4 }, newestFirst)).toEqual({ planVersion: 4, method: 'ELECTRONIC' });
    expect(currentAgreement({ version: 2 }, newestFirst)).toEqual({ planVersion: 2, method: 'VERBAL' });
  });

  it('has no current agreement after a revision, whatever the history', () => {
    expect(currentAgreement({ version: 5 }, newestFirst)).toBeNull();
    expect(currentAgreement({ version: 1 }, [])).toBeNull();
  });

  it('counts only ACTIVE plans without an agreement to their version as awaiting agreement', () => {
    expect(isAwaitingAgreement({ status: 'ACTIVE', version: 5 }, newestFirst)).toBe(true);
    expect(isAwaitingAgreement({ status: 'ACTIVE', version: 4 }, newestFirst)).toBe(false);
    expect(isAwaitingAgreement({ status: 'ACTIVE', version: 1 }, [])).toBe(true);
    for (const status of ['DRAFT', 'COMPLETED', 'CANCELLED'] as const) expect(isAwaitingAgreement({ status, version: 9 }, [])).toBe(false);
  });

  it('checks the method and the note, naming the field', () => {
    expect(checkMethod('method', 'VERBAL')).toBe('VERBAL');
    expect(refusal(() => checkMethod('method', 'FAX'))).toEqual({ code: 'BAD_USER_INPUT', field: 'method' });
    expect(checkNote('note', '  Signed.\nCopy given.  ')).toBe('Signed.\nCopy given.');
    expect(checkNote('note', '   ')).toBeNull();
    expect(checkNote('note', undefined)).toBeNull();
    expect(refusal(() => checkNote('note', 'x'.repeat(2001)))).toEqual({ code: 'BAD_USER_INPUT', field: 'note' });
  });
});
