/**
 * What a person has typed into a form, kept in the tab's sessionStorage until
 * the form is sent, so that an expired session (sign in again, come back) or
 * a reload does not lose it. Keyed by the staff member, and all cleared on
 * sign-out, so that nobody else signing in on the same tab sees it.
 */
import type { KeyValueStore } from '../auth/session';

export interface ListableStore extends KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'caseflow.draft.';

export function draftKey(userId: string, formKey: string): string {
  return `${PREFIX}${userId}.${formKey}`;
}

export function readDraft<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    store.removeItem(key);
    return null;
  }
}

export function writeDraft(store: KeyValueStore, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only costs the draft, never the form.
  }
}

/** Removes every draft, or every draft of other people when `keepUserId` is given. */
export function clearDrafts(store: ListableStore, keepUserId?: string): void {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX) && !(keepUserId && key.startsWith(`${PREFIX}${keepUserId}.`))) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
