import { inputFingerprint } from './fingerprint';

describe('inputFingerprint', () => {
  it('is the same for the same input, whatever the order of its fields, and 64 hex digits', () => {
    const a = inputFingerprint({
      firstName: 'Ana',
      contact: { phone: '902-555-0100', method: 'PHONE' },
      at: new Date('2027-01-01T00:00:00Z'),
    });
    const b = inputFingerprint({
      at: new Date('2027-01-01T00:00:00Z'),
      contact: { method: 'PHONE', phone: '902-555-0100' },
      firstName: 'Ana',
    });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value differs, and treats a missing value as null', () => {
    const base = { firstName: 'Ana', lastName: 'Ruiz', preferredName: null };
    expect(inputFingerprint({ ...base, lastName: 'Ruíz' })).not.toBe(inputFingerprint(base));
    expect(inputFingerprint({ ...base, tags: ['a', 'b'] })).not.toBe(inputFingerprint({ ...base, tags: ['b', 'a'] }));
    expect(inputFingerprint({ firstName: 'Ana', lastName: 'Ruiz', preferredName: undefined })).toBe(inputFingerprint(base));
  });
});
