import type { ClientStatus } from './client.entity';
import { CASE_TRANSITIONS, checkActivation, checkClosing, checkNotClosed, checkReopening, reopenedStatus } from './client.transitions';

const STATUSES: ClientStatus[] = ['INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED'];
const eligible = { eligible: true };
const notEligible = { eligible: false };

function refusal(check: () => void): { code: string; message: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    const e = error as { message: string; extensions?: { code?: string }; code?: string };
    return { code: e.extensions?.code ?? e.code ?? 'none', message: e.message };
  }
}

describe("the case's status table", () => {
  it.each(STATUSES)('activates from %s only where the table allows it', (status) => {
    const allowed = CASE_TRANSITIONS.activate.from.includes(status);
    const result = refusal(() => checkActivation(status, eligible));
    if (allowed) expect(result).toBeNull();
    else expect(result).toEqual({ code: 'INVALID_TRANSITION', message: `A ${status} client cannot be activated` });
  });

  it('activates from INTAKE only with a latest determination that is eligible; ON_HOLD resumes without one', () => {
    expect(refusal(() => checkActivation('INTAKE', null))?.message).toBe('Determine eligibility before activating the client');
    expect(refusal(() => checkActivation('INTAKE', notEligible))?.message).toBe('The client was determined not eligible for the program');
    expect(refusal(() => checkActivation('ON_HOLD', null))).toBeNull();
  });

  it.each(STATUSES)('closes from %s unless already closed, and re-opens a closed case only', (status) => {
    expect(refusal(() => checkClosing(status))?.code ?? null).toBe(status === 'CLOSED' ? 'INVALID_TRANSITION' : null);
    expect(refusal(() => checkReopening(status))?.code ?? null).toBe(status === 'CLOSED' ? null : 'INVALID_TRANSITION');
    expect(refusal(() => checkNotClosed(status, 'Re-open it first'))?.message ?? null).toBe(
      status === 'CLOSED' ? 'Re-open it first' : null,
    );
  });

  it('re-opens to the status before closing, but to INTAKE without a latest eligible determination', () => {
    expect(reopenedStatus(eligible, 'ON_HOLD')).toBe('ON_HOLD');
    expect(reopenedStatus(eligible, 'ACTIVE')).toBe('ACTIVE');
    expect(reopenedStatus(eligible, 'INTAKE')).toBe('INTAKE');
    expect(reopenedStatus(eligible, null)).toBe('ACTIVE');
    expect(reopenedStatus(eligible, 'CLOSED')).toBe('ACTIVE');
    expect(reopenedStatus(notEligible, 'ACTIVE')).toBe('INTAKE');
    expect(reopenedStatus(null, 'ACTIVE')).toBe('INTAKE');
  });
});
