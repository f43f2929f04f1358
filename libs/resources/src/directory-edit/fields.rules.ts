/**
 * The directory's own field checks (URLs, emails, phone numbers, coordinates,
 * schedules), on the shared field validators of @caseflow/core and in their
 * argument order `(field, value, options)`. Each returns the normalized value
 * (text trimmed, blank → null) or throws BAD_USER_INPUT naming the field, so
 * that an edit is checked completely before anything is written.
 */
import { badInput, type DateRange, optionalText, requiredText } from '@caseflow/core';

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export const PHONE_TYPES = ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] as const;
export const SCHEDULE_FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const LIMITS = { name: 200, shortText: 500, longText: 10_000, url: 2_000, email: 254, list: 20 } as const;

/** Any calendar date from 1900 on: a schedule's validity (the edge keeps it within ten years of today). */
export const SCHEDULE_DATES: DateRange = { min: '1900-01-01', max: '9999-12-31', meaning: 'a date from 1900-01-01 on' };

/** An absolute http(s) URL. */
export function optionalUrl(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: LIMITS.url });
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(field, 'must be an absolute URL, e.g. https://example.org/service');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(field, 'must be an http or https URL');
  return text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function optionalEmail(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: LIMITS.email });
  if (text !== null && !EMAIL.test(text)) throw badInput(field, 'must be an email address, e.g. intake@example.org');
  return text;
}

/** A phone number: digits with optional +, spaces, dots, dashes and parentheses; 7 to 15 digits. */
export function requiredPhoneNumber(field: string, value: string | null | undefined): string {
  const text = requiredText(field, value, { max: 30 });
  const digits = text.replace(/\D/g, '').length;
  if (!/^\+?[0-9 ().-]+$/.test(text) || digits < 7 || digits > 15)
    throw badInput(field, 'must be a phone number of 7 to 15 digits, e.g. +1 902-555-0123');
  return text;
}

export function optionalDigits(field: string, value: string | null | undefined, max = 10): string | null {
  const text = optionalText(field, value, { max: max });
  if (text !== null && !/^[0-9]+$/.test(text)) throw badInput(field, `must be digits only, at most ${max}`);
  return text;
}

export function optionalAge(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 130) throw badInput(field, 'must be between 0 and 130');
  return value;
}

export function coordinates(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  prefix = 'input',
): { latitude: number | null; longitude: number | null } {
  if ((latitude == null) !== (longitude == null))
    throw badInput(latitude == null ? `${prefix}.latitude` : `${prefix}.longitude`, 'must be given with the other coordinate');
  if (latitude != null && (!Number.isFinite(latitude) || latitude < -90 || latitude > 90))
    throw badInput(`${prefix}.latitude`, 'must be between -90 and 90');
  if (longitude != null && (!Number.isFinite(longitude) || longitude < -180 || longitude > 180))
    throw badInput(`${prefix}.longitude`, 'must be between -180 and 180');
  return { latitude: latitude ?? null, longitude: longitude ?? null };
}

/** `HH:MM` or `HH:MM:SS` (24-hour) → `HH:MM:SS`. */
export function optionalClock(field: string, value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/.exec(value.trim());
  if (!match) throw badInput(field, 'must be a 24-hour time HH:MM, e.g. 09:30');
  return `${match[1]}:${match[2]}:${match[3] ?? '00'}`;
}

/** iCal BYDAY: weekday codes, with an ordinal (1MO, -1FR) only in a monthly rule. */
export function optionalByDay(field: string, value: string | null | undefined, monthly: boolean): string | null {
  const text = optionalText(field, value, { max: 100 });
  if (text === null) return null;
  const entries = text
    .toUpperCase()
    .split(',')
    .map((e) => e.trim());
  const pattern = monthly ? /^(?:[+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/ : /^(MO|TU|WE|TH|FR|SA|SU)$/;
  if (!entries.every((e) => pattern.test(e))) {
    throw badInput(
      field,
      monthly ? 'must be weekday codes, optionally with an ordinal, e.g. 1MO,-1FR' : 'must be weekday codes, e.g. MO,WE,FR',
    );
  }
  return entries.join(',');
}

/** iCal BYMONTHDAY: days of the month, negative from the end, e.g. 1,15,-1. */
export function optionalByMonthDay(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: 100 });
  if (text === null) return null;
  const entries = text.split(',').map((e) => e.trim());
  if (!entries.every((e) => /^-?[0-9]{1,2}$/.test(e) && Math.abs(Number(e)) >= 1 && Math.abs(Number(e)) <= 31)) {
    throw badInput(field, 'must be days of the month from 1 to 31 (negative counts from the end), e.g. 1,15,-1');
  }
  return entries.join(',');
}

/** An IANA time zone (e.g. America/Halifax) or an HSDS UTC offset in hours (e.g. -4). */
export function optionalTimezone(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: 64 });
  if (text === null) return null;
  if (/^[+-]?[0-9]{1,2}(\.[0-9]+)?$/.test(text)) {
    const hours = Number(text);
    if (hours < -12 || hours > 14) throw badInput(field, 'must be a UTC offset from -12 to 14 hours');
    return text;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
  } catch {
    throw badInput(field, 'must be an IANA time zone (e.g. America/Halifax) or a UTC offset in hours');
  }
  return text;
}
