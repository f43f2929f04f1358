import type { Actor } from '@caseflow/auth';
import { checkDecisionNote, checkPending, checkRequestTexts, decisionRefusal, mayWithdraw } from './closure-request.rules';

const AGENCY = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const actor = (staffId: string, role: Actor['role'], organizationId = AGENCY): Actor => ({ staffId, role, organizationId });
const request = { organizationId: AGENCY, requestedBy: 'requester' };

describe('closure request rules', () => {
  it('a supervisor of the agency other than the requester decides; nobody else', () => {
    expect(decisionRefusal(actor('sup', 'SUPERVISOR'), request)).toBeNull();
    expect(decisionRefusal(actor('requester', 'SUPERVISOR'), request)).toMatch(/other than its requester/);
    expect(decisionRefusal(actor('sup', 'SUPERVISOR', OTHER), request)).toMatch(/client's agency/);
    for (const role of ['CASE_MANAGER', 'ADMIN', 'ANALYST', 'PARTNER'] as const) {
      expect(decisionRefusal(actor('x', role), request)).toMatch(/Only a supervisor/);
    }
  });

  it('only the requester withdraws', () => {
    expect(mayWithdraw(actor('requester', 'CASE_MANAGER'), request)).toBe(true);
    expect(mayWithdraw(actor('sup', 'SUPERVISOR'), request)).toBe(false);
  });

  it('only a PENDING request is decided or withdrawn: otherwise CONFLICT', () => {
    expect(() => checkPending('PENDING', 'decided')).not.toThrow();
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(() => checkPending(status, 'decided')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    }
  });

  it('checks the texts, naming the field', () => {
    expect(checkRequestTexts({ rationale: ' Working now. ', nextSteps: null })).toEqual({ rationale: 'Working now.', nextSteps: null });
    expect(() => checkRequestTexts({ rationale: '' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkRequestTexts({ rationale: 'ok', nextSteps: 'x'.repeat(5001) })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'input.nextSteps' }) }),
    );
    expect(checkDecisionNote(undefined)).toBeNull();
    expect(() => checkDecisionNote('x'.repeat(2001))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
