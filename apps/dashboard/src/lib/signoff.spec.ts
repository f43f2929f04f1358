import {
  awaitingAgreement,
  changeText,
  closureMode,
  closureRequestProblems,
  distanceByDomain,
  fhirEverythingPath,
  fhirFileName,
  hasComparison,
  signed,
  type CharacteristicChange,
} from './signoff';

const change = (patch: Partial<CharacteristicChange> & Pick<CharacteristicChange, 'characteristic' | 'change'>): CharacteristicChange => ({
  domain: 'PERSONAL_HEALTH',
  from: null,
  to: null,
  ...patch,
});

describe('distance travelled on the client file', () => {
  const changes: CharacteristicChange[] = [
    change({ domain: 'EMPLOYABILITY', characteristic: 'Interview skills', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' }),
    change({ domain: 'PERSONAL_HEALTH', characteristic: 'Sleep', from: 'ASSET', to: 'BARRIER', change: 'ASSET_TO_BARRIER' }),
    change({ domain: 'PERSONAL_HEALTH', characteristic: 'Addiction', from: 'BARRIER', to: 'BARRIER', change: 'STILL_BARRIER' }),
    change({ domain: 'PERSONAL_HEALTH', characteristic: 'Dental', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' }),
    change({ domain: 'PERSONAL_HEALTH', characteristic: 'Mobility', from: null, to: 'BARRIER', change: 'NOT_COMPARABLE' }),
    change({ domain: 'CERTIFICATES_LICENSES', characteristic: 'Driver licence', from: 'ASSET', to: 'ASSET', change: 'STILL_ASSET' }),
  ];

  it('groups the changes by domain in the checklist order, leaving out domains without one', () => {
    expect(distanceByDomain(changes).map((d) => d.domain)).toEqual(['CERTIFICATES_LICENSES', 'PERSONAL_HEALTH', 'EMPLOYABILITY']);
    expect(distanceByDomain([])).toEqual([]);
  });

  it('counts resolved and new barriers and the barriers before and after, per domain', () => {
    const health = distanceByDomain(changes).find((d) => d.domain === 'PERSONAL_HEALTH');
    expect(health).toMatchObject({ resolved: 1, added: 1, barriersBefore: 2, barriersAfter: 3 });
    // What moved first, then what stayed, then what was rated once only.
    expect(health?.changes.map((c) => c.characteristic)).toEqual(['Dental', 'Sleep', 'Addiction', 'Mobility']);
    const certificates = distanceByDomain(changes)[0];
    expect(certificates).toMatchObject({ resolved: 0, added: 0, barriersBefore: 0, barriersAfter: 0 });
  });

  it('needs two assessments to compare', () => {
    expect(hasComparison({ baseline: null, latest: null })).toBe(false);
    expect(hasComparison({ baseline: { id: 'a' }, latest: null })).toBe(false);
    expect(hasComparison({ baseline: { id: 'a' }, latest: { id: 'b' } })).toBe(true);
  });

  it('says each change in words and signs a difference', () => {
    expect(changeText('BARRIER_TO_ASSET')).toBe('Barrier resolved');
    expect(changeText('ASSET_TO_BARRIER')).toBe('New barrier');
    expect(changeText('NOT_COMPARABLE')).toBe('Rated once only');
    expect([signed(2), signed(0), signed(-3)]).toEqual(['+2', '0', '\u22123']);
  });
});

describe('the plan agreement badge', () => {
  it('marks an active plan without an agreement to its current version', () => {
    expect(awaitingAgreement({ status: 'ACTIVE', version: 3, agreement: null })).toBe(true);
    expect(awaitingAgreement({ status: 'ACTIVE', version: 3, agreement: undefined })).toBe(true);
    expect(awaitingAgreement({ status: 'ACTIVE', version: 4, agreement: { planVersion: 3 } })).toBe(true);
    expect(awaitingAgreement({ status: 'ACTIVE', version: 3, agreement: { planVersion: 3 } })).toBe(false);
  });

  it('leaves drafts, finished plans and no plan alone', () => {
    expect(awaitingAgreement({ status: 'DRAFT', version: 1, agreement: null })).toBe(false);
    expect(awaitingAgreement({ status: 'COMPLETED', version: 5, agreement: null })).toBe(false);
    expect(awaitingAgreement(null)).toBe(false);
  });
});

describe('closure approval', () => {
  it('makes a case manager request the closure only when the agency needs approval', () => {
    expect(closureMode('CASE_MANAGER', true)).toBe('request');
    expect(closureMode('CASE_MANAGER', false)).toBe('close');
    expect(closureMode('CASE_MANAGER', null)).toBe('close');
    expect(closureMode('CASE_MANAGER', undefined)).toBe('close');
    expect(closureMode('SUPERVISOR', true)).toBe('close');
  });

  it('checks a request as the API does before sending', () => {
    expect(closureRequestProblems({ outcome: '', nextSteps: '', rationale: '  ' })).toEqual({
      outcome: 'Choose the outcome.',
      rationale: 'Say why the case can close; the supervisor reads it.',
      nextSteps: undefined,
    });
    expect(closureRequestProblems({ outcome: 'EMPLOYED', nextSteps: 'x'.repeat(2001), rationale: 'y'.repeat(2001) })).toEqual({
      outcome: undefined,
      rationale: 'Use at most 2,000 characters.',
      nextSteps: 'Use at most 2,000 characters.',
    });
    expect(
      Object.values(closureRequestProblems({ outcome: 'GOALS_MET', nextSteps: '', rationale: 'All goals met.' })).filter(Boolean),
    ).toEqual([]);
  });
});

describe('the FHIR export', () => {
  it('asks for the patient everything operation with the id escaped', () => {
    expect(fhirEverythingPath('c6a1e0b2-1111-4111-8111-111111111111')).toBe(
      '/fhir/Patient/c6a1e0b2-1111-4111-8111-111111111111/$everything',
    );
    expect(fhirEverythingPath('a/b?c')).toBe('/fhir/Patient/a%2Fb%3Fc/$everything');
  });

  it('names the file after the client and the day, in safe characters', () => {
    expect(fhirFileName('Dana Fontaine', '2030-01-02')).toBe('caseflow-dana-fontaine-2030-01-02.fhir.json');
    expect(fhirFileName('Zoë  O’Brien-Ng', '2030-01-02')).toBe('caseflow-zoe-o-brien-ng-2030-01-02.fhir.json');
    expect(fhirFileName('../', '2030-01-02')).toBe('caseflow-client-2030-01-02.fhir.json');
  });
});
