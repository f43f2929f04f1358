import { defaultPreference, effectivePreferences } from '../notification/notification.kinds';
import { validPreferences } from './preference.rules';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { details?: { field?: string } }).details?.field;
  }
  return undefined;
};

describe('preference rules', () => {
  it('default to in-app for every kind and e-mail for three', () => {
    expect(defaultPreference('REFERRAL_RECEIVED').channels).toEqual(['IN_APP', 'EMAIL']);
    expect(defaultPreference('STEP_OVERDUE').channels).toEqual(['IN_APP']);
    const stored = { kind: 'STEP_OVERDUE' as const, channels: [], dailyDigest: false };
    expect(effectivePreferences([stored]).find((p) => p.kind === 'STEP_OVERDUE')).toEqual(stored);
  });

  it('accept a valid list, with a digest where e-mail is chosen', () => {
    expect(validPreferences([{ kind: 'STEP_OVERDUE', channels: ['EMAIL'], dailyDigest: true }])).toEqual([
      { kind: 'STEP_OVERDUE', channels: ['EMAIL'], dailyDigest: true },
    ]);
  });

  it('name the field of each refusal', () => {
    expect(fieldOf(() => validPreferences([]))).toBe('preferences');
    expect(fieldOf(() => validPreferences([{ kind: 'X', channels: [] }]))).toBe('preferences[0].kind');
    expect(fieldOf(() => validPreferences([{ kind: 'STEP_OVERDUE', channels: ['SMS'] }]))).toBe('preferences[0].channels[0]');
  });
});
