/**
 * Field checks for directory edits. Each returns the normalized value (text
 * trimmed, blank → null) or throws BAD_USER_INPUT naming the field, so that
 * an edit is checked completely before anything is written.
 */
import { badInput } from '@caseflow/core';
import { isUuid } from '@caseflow/auth';

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export const PHONE_TYPES = ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] as const;
export const SCHEDULE_FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export const LIMITS = { name: 200, shortText: 500, longText: 10_000, url: 2_000, email: 254, list: 20 } as const;

/** Optional text: trimmed, blank → null, at most `max` characters. */
export function optionalText(field: string, value: string | null | undefined, max: number = LIMITS.longText): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text === '' ? null : text;
}

export function requiredText(field: string, value: string | null | undefined, max: number = LIMITS.name): string {
  const text = optionalText(field, value, max);
  if (text === null) throw badInput(field, 'must not be empty');
  return text;
}

/** An absolute http(s) URL. */
export function optionalUrl(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, LIMITS.url);
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
  const text = optionalText(field, value, LIMITS.email);
  if (text !== null && !EMAIL.test(text)) throw badInput(field, 'must be an email address, e.g. intake@example.org');
  return text;
}

/** A phone number: digits with optional +, spaces, dots, dashes and parentheses; 7 to 15 digits. */
export function requiredPhoneNumber(field: string, value: string | null | undefined): string {
  const text = requiredText(field, value, 30);
  const digits = text.replace(/\D/g, '').length;
  if (!/^\+?[0-9 ().-]+$/.test(text) || digits < 7 || digits > 15) throw badInput(field, 'must be a phone number of 7 to 15 digits, e.g. +1 902-555-0123');
  return text;
}

export function optionalDigits(field: string, value: string | null | undefined, max = 10): string | null {
  const text = optionalText(field, value, max);
  if (text !== null && !/^[0-9]+$/.test(text)) throw badInput(field, `must be digits only, at most ${max}`);
  return text;
}

export function oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
  if (value == null || !(allowed as readonly string[]).includes(value)) throw badInput(field, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  return value as T;
}

export function optionalOneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T | null {
  return value == null ? null : oneOf(field, value, allowed);
}

export function uuid(field: string, value: string): string {
  if (!isUuid(value)) throw badInput(field, 'must be a UUID');
  return value.toLowerCase();
}

export function uuidList(field: string, values: readonly string[] | null | undefined, max: number = LIMITS.list): string[] | null {
  if (values == null) return null;
  if (values.length > max) throw badInput(field, `must list at most ${max} items`);
  if (!values.every(isUuid)) throw badInput(field, 'must be UUIDs');
  return [...new Set(values.map((v) => v.toLowerCase()))];
}

export function optionalAge(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 130) throw badInput(field, 'must be between 0 and 130');
  return value;
}

export function coordinates(latitude: number | null | undefined, longitude: number | null | undefined, prefix = 'input'): { latitude: number | null; longitude: number | null } {
  if ((latitude == null) !== (longitude == null)) throw badInput(latitude == null ? `${prefix}.latitude` : `${prefix}.longitude`, 'must be given with the other coordinate');
  if (latitude != null && (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)) throw badInput(`${prefix}.latitude`, 'must be between -90 and 90');
  if (longitude != null && (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)) throw badInput(`${prefix}.longitude`, 'must be between -180 and 180');
  return { latitude: latitude ?? null, longitude: longitude ?? null };
}

/** `HH:MM` or `HH:MM:SS` (24-hour) → `HH:MM:SS`. */
export function optionalClock(field: string, value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const match = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/.exec(value.trim());
  if (!match) throw badInput(field, 'must be a 24-hour time HH:MM, e.g. 09:30');
  return `${match[1]}:${match[2]}:${match[3] ?? '00'}`;
}

export function optionalDate(field: string, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'must be a date YYYY-MM-DD');
  }
  return value;
}

/** iCal BYDAY: weekday codes, with an ordinal (1MO, -1FR) only in a monthly rule. */
export function optionalByDay(field: string, value: string | null | undefined, monthly: boolean): string | null {
  const text = optionalText(field, value, 100);
  if (text === null) return null;
  const entries = text.toUpperCase().split(',').map((e) => e.trim());
  const pattern = monthly ? /^(?:[+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/ : /^(MO|TU|WE|TH|FR|SA|SU)$/;
  if (!entries.every((e) => pattern.test(e))) {
    throw badInput(field, monthly ? 'must be weekday codes, optionally with an ordinal, e.g. 1MO,-1FR' : 'must be weekday codes, e.g. MO,WE,FR');
  }
  return entries.join(',');
}

/** iCal BYMONTHDAY: days of the month, negative from the end, e.g. 1,15,-1. */
export function optionalByMonthDay(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 100);
  if (text === null) return null;
  const entries = text.split(',').map((e) => e.trim());
  if (!entries.every((e) => /^-?[0-9]{1,2}$/.test(e) && Math.abs(Number(e)) >= 1 && Math.abs(Number(e)) <= 31)) {
    throw badInput(field, 'must be days of the month from 1 to 31 (negative counts from the end), e.g. 1,15,-1');
  }
  return entries.join(',');
}

/** An IANA time zone (e.g. America/Halifax) or an HSDS UTC offset in hours (e.g. -4). */
export function optionalTimezone(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 64);
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
