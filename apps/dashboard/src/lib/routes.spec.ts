import { homeFor, matchPath, withQuery } from './routes';

describe('routes', () => {
  it('matches paths with parameters', () => {
    expect(matchPath('/clients/:id/refer', '/clients/42/refer')).toEqual({ id: '42' });
    expect(matchPath('/clients/:id', '/clients/42/refer')).toBeNull();
    expect(matchPath('/inbox', '/inbox?view=closed')).toEqual({});
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/caseload', { status: 'ACTIVE,INTAKE', q: '', cm: null })).toBe('/caseload?status=ACTIVE%2CINTAKE');
  });

  it('starts each role on its day’s work', () => {
    expect(['CASE_MANAGER', 'SUPERVISOR', 'PARTNER', 'ANALYST', 'ADMIN'].map(homeFor)).toEqual([
      '/caseload',
      '/caseload',
      '/inbox',
      '/outcomes',
      '/directory',
    ]);
  });
});
