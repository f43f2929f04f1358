import { describePhone, describePhoneFully } from './phones';

describe('phone numbers in words', () => {
  it('read the number and extension, and in full the kind (when not voice) and the note', () => {
    expect(describePhone({ number: '+1 902-555-2001' })).toBe('+1 902-555-2001');
    expect(describePhone({ number: '+1 902-555-2001', extension: '12', type: 'fax' })).toBe('+1 902-555-2001 ext. 12');
    expect(describePhoneFully({ number: '+1 902-555-2001', type: 'voice', description: 'Intake line' })).toBe(
      '+1 902-555-2001 — Intake line',
    );
    expect(describePhoneFully({ number: '+1 902-555-2001', extension: '12', type: 'fax' })).toBe('+1 902-555-2001 ext. 12 (fax)');
  });
});
