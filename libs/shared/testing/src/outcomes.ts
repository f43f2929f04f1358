/** What a promise settled with, for asserting refusals by their code and message. */
import { ConfigError } from '@caseflow/config';

/** The error code a promise was refused with, or 'OK' when it resolved. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return (await failureOf(promise)).code;
}

/** The error code and message a promise was refused with, or code 'OK' when it resolved. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: 'OK', message: '' };
  } catch (error) {
    return { code: String((error as { code?: unknown }).code), message: (error as Error).message };
  }
}

/** The problems a configuration load reported, or [] when it loaded. */
export function configProblemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

/** The field a synchronous check's refusal names (asserting it is BAD_USER_INPUT), or null when the value passes. */
export function refusedField(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    const e = error as { code: string; details: { field: string } };
    expect(e.code).toBe('BAD_USER_INPUT');
    return e.details.field;
  }
}
