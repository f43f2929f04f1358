/**
 * The input rules of a client's case that span fields or need the clock:
 * contact preferences, key dates, follow-ups. Pure; each names the field it
 * refuses by its path, before anything is read or written.
 */
import { badInput, optionalText, requiredText } from '@caseflow/core';
import { NAME_MAX, TEXT_MAX, optionalEmail, optionalPhone } from '../shared/validation';
import type { KeyDateValue } from './client.entity';
import type { ContactPreferenceInput, KeyDateInput } from './client.inputs';

export const MAX_KEY_DATES = 20;
const FOLLOW_UP_HORIZON_MS = 2 * 366 * 86_400_000;

/** A contact preference, normalised: PHONE and TEXT need a phone number, EMAIL an email address. */
export function checkContactPreference(input: ContactPreferenceInput, field: string) {
  const contact = {
    method: input.method,
    phone: optionalPhone(`${field}.phone`, input.phone),
    email: optionalEmail(`${field}.email`, input.email),
    voicemailAllowed: input.voicemailAllowed,
    publicGreeting: optionalText(`${field}.publicGreeting`, input.publicGreeting, { max: NAME_MAX }),
    notes: optionalText(`${field}.notes`, input.notes, { max: TEXT_MAX }),
  };
  if ((contact.method === 'PHONE' || contact.method === 'TEXT') && !contact.phone)
    throw badInput(`${field}.phone`, `is required when the method is ${contact.method}`);
  if (contact.method === 'EMAIL' && !contact.email) throw badInput(`${field}.email`, 'is required when the method is EMAIL');
  return contact;
}

export type CheckedContactPreference = ReturnType<typeof checkContactPreference>;

/** At most 20 key dates, each with a label. */
export function checkKeyDates(keyDates: KeyDateInput[]): KeyDateValue[] {
  if (keyDates.length > MAX_KEY_DATES) throw badInput('keyDates', `must hold at most ${MAX_KEY_DATES} dates`);
  return keyDates.map((k, i) => ({ label: requiredText(`keyDates[${i}].label`, k.label, { max: NAME_MAX }), date: k.date }));
}

/** A follow-up: not in the past (a minute's slack), within two years. */
export function checkFollowUp(at: Date, now = Date.now()): Date {
  if (at.getTime() < now - 60_000) throw badInput('at', 'must not be in the past');
  if (at.getTime() > now + FOLLOW_UP_HORIZON_MS) throw badInput('at', 'must be within two years');
  return at;
}
