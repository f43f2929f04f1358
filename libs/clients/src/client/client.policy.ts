/**
 * What a caller may see of a client once it is shown (the decision itself is
 * access/access.policy.ts): names always; every other field of the case
 * record only with case access; contact details, assessments and case notes
 * also under a consent covering them; consents only with case access. Pure.
 */
import { forbidden } from '@caseflow/core';
import type { Client, ClientAccess } from './client.type';

/** The whole record, for callers with case access (the assigned case manager, the agency's supervisors). */
export const CASE_ACCESS: ClientAccess = { caseRecord: true, kinds: [] };

/** A field of the case record: FORBIDDEN to a caller without case access (a partner under a consent). */
export function caseRecordField<T>(client: Client, value: T): T {
  if (!client.access.caseRecord) throw forbidden("This field is outside the client's consent to your organization");
  return value;
}

export function requireContactInfo(client: Client): void {
  if (!client.access.caseRecord && !client.access.kinds.includes('CONTACT_INFO'))
    throw forbidden("The client's contact details are outside the consent");
}

/** True when the caller may read the client's assessments (case access, or a consent covering ASSESSMENTS). */
export function mayReadAssessments(client: Client): boolean {
  return client.access.caseRecord || client.access.kinds.includes('ASSESSMENTS');
}

export function requireAssessments(client: Client): void {
  if (!mayReadAssessments(client)) throw forbidden("The client's assessments are outside the consent to your organization");
}

/** True when the caller may read the client's case notes (case access, or a consent covering CASE_NOTES). */
export function mayReadCaseNotes(client: Client): boolean {
  return client.access.caseRecord || client.access.kinds.includes('CASE_NOTES');
}

export function requireCaseNotes(client: Client): void {
  if (!mayReadCaseNotes(client)) throw forbidden("The client's case notes are outside the consent to your organization");
}

export function requireConsents(client: Client): void {
  if (!client.access.caseRecord) throw forbidden("The client's consents are part of the case record");
}
