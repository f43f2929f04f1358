/**
 * Checks a form makes before it sends anything, with the same limits as the
 * API (names ≤ 200 characters, notes ≤ 20,000, emails, phones, dates), so
 * that most mistakes are named beside the field without a round trip.
 */
import { isIsoDate, today } from './dates';

export type Errors<K extends string = string> = Partial<Record<K, string>>;

export function required(value: string | null | undefined, what = 'This field'): string | undefined {
  return value && value.trim() ? undefined : `${what} is required.`;
}

export function maxLength(value: string | null | undefined, max: number): string | undefined {
  return value && value.trim().length > max ? `Use at most ${max.toLocaleString('en-CA')} characters.` : undefined;
}

export function email(value: string | null | undefined): string | undefined {
  if (!value || !value.trim()) return undefined;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : 'Enter an email address like name@example.org.';
}

export function phone(value: string | null | undefined): string | undefined {
  if (!value || !value.trim()) return undefined;
  const digits = value.replace(/\D/g, '');
  return /^\+?[\d\s().-]+$/.test(value.trim()) && digits.length >= 7 && digits.length <= 15
    ? undefined
    : 'Enter a phone number of 7 to 15 digits.';
}

export function date(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  return isIsoDate(value) ? undefined : 'Enter a date.';
}

export function pastDate(value: string | null | undefined, now = new Date()): string | undefined {
  if (!value) return undefined;
  if (!isIsoDate(value)) return 'Enter a date.';
  if (value >= today(now)) return 'The date must be in the past.';
  if (value < '1900-01-01') return 'The date must be after 1900.';
  return undefined;
}

export function notFuture(iso: string | null | undefined, now = new Date()): string | undefined {
  if (!iso) return undefined;
  return new Date(iso).getTime() > now.getTime() + 60_000 ? 'The time must not be in the future.' : undefined;
}

/** The first message of each check that fails, keyed by field; empty when all pass. */
export function collect<K extends string>(checks: Record<K, Array<string | undefined>>): Errors<K> {
  const errors: Errors<K> = {};
  for (const key of Object.keys(checks) as K[]) {
    const message = checks[key].find(Boolean);
    if (message) errors[key] = message;
  }
  return errors;
}

export function hasErrors(errors: Errors): boolean {
  return Object.values(errors).some(Boolean);
}
