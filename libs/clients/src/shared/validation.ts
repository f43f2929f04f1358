/** Input checks with field-named BAD_USER_INPUT errors; every check runs before anything is written. */
import { isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';

export const NAME_MAX = 200;
export const TEXT_MAX = 2000;
export const NOTE_MAX = 20_000;

export function requiredText(value: string | null | undefined, field: string, max = TEXT_MAX): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, 'must not be empty');
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, max = TEXT_MAX): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text;
}

export function uuid(value: string | null | undefined, field: string): string {
  if (!isUuid(value)) throw badInput(field, 'must be a UUID');
  return value;
}

export function optionalEmail(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value, field, 254);
  if (text && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw badInput(field, 'must be an email address');
  return text;
}

export function optionalPhone(value: string | null | undefined, field: string): string | null {
  const text = optionalText(value, field, 40);
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (!/^\+?[\d\s().-]+$/.test(text) || digits.length < 7 || digits.length > 15) throw badInput(field, 'must be a phone number (7 to 15 digits)');
  return text;
}

const DAY = 86_400_000;

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A birth date: in the past, and not before 1900. */
export function birthDate(value: string | null | undefined, field: string, now = new Date()): string | null {
  if (value === null || value === undefined) return null;
  if (value >= today(now)) throw badInput(field, 'must be in the past');
  if (value < '1900-01-01') throw badInput(field, 'must be after 1900-01-01');
  return value;
}

/** An instant not further in the future than `slackMs` (clocks differ a little). */
export function notInFuture(value: Date, field: string, now = new Date(), slackMs = 5 * 60_000): Date {
  if (value.getTime() > now.getTime() + slackMs) throw badInput(field, 'must not be in the future');
  return value;
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCMonth(d.getUTCMonth() + months);
  if (d.getUTCDate() < day) d.setUTCDate(0);
  return d;
}

export const days = (n: number) => n * DAY;
