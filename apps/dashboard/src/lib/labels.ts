/** Words for the API's enumeration values, as a case manager would say them. */
const SPECIAL: Record<string, string> = {
  CERTIFICATES_LICENSES: 'Certificates and licenses',
  CASE_MANAGER: 'Case manager',
  CONTACT_INFO: 'Contact information',
  REFERRAL_DETAILS: 'Referral details',
  HOME_VISIT: 'Home visit',
  IN_PERSON: 'In person',
  NOT_APPLICABLE: 'Not applicable',
  BROUGHT_FORWARD: 'Brought forward',
  CLIENT_DID_NOT_ATTEND: 'Client did not attend',
  SHORT: 'Short term',
  MID: 'Mid term',
  LONG: 'Long term',
  TIME_LIMITED: 'Time-limited',
};

/** 'IN_PROGRESS' → 'In progress'. */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  if (SPECIAL[value]) return SPECIAL[value];
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
