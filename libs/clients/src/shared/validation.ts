/**
 * The clients' own input checks (contact details, birth dates, instants), on
 * the shared field validators of @caseflow/core and in their argument order
 * `(field, value, options)`; every check runs before anything is written.
 */
import { badInput, optionalText } from '@caseflow/core';

export const NAME_MAX = 200;
export const TEXT_MAX = 2000;
export const NOTE_MAX = 20_000;

export function optionalEmail(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: 254 });
  if (text && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw badInput(field, 'must be an email address');
  return text;
}

export function optionalPhone(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, { max: 40 });
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (!/^\+?[\d\s().-]+$/.test(text) || digits.length < 7 || digits.length > 15)
    throw badInput(field, 'must be a phone number (7 to 15 digits)');
  return text;
}

const DAY = 86_400_000;

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A birth date: in the past, and not before 1900. */
export function birthDate(field: string, value: string | null | undefined, now = new Date()): string | null {
  if (value === null || value === undefined) return null;
  if (value >= today(now)) throw badInput(field, 'must be in the past');
  if (value < '1900-01-01') throw badInput(field, 'must be after 1900-01-01');
  return value;
}

/** An instant not further in the future than `slackMs` (clocks differ a little). */
export function notInFuture(field: string, value: Date, now = new Date(), slackMs = 5 * 60_000): Date {
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
