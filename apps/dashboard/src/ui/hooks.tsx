/** Hooks the pages share: drafts that survive a new sign-in, cursor and local paging, the page title. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMe } from '../app/session';
import { useAuth } from '../auth/AuthProvider';
import { draftKey, readDraft, writeDraft } from '../lib/drafts';

/**
 * Form state kept as a draft in the tab's sessionStorage (per staff member
 * and form), restored after an expired session or a reload, and dropped by
 * `clear()` once the form is sent.
 */
export function useDraft<T>(formKey: string, initial: T | (() => T)): [T, (next: T | ((current: T) => T)) => void, () => void] {
  const me = useMe();
  const { storage } = useAuth();
  const key = draftKey(me.id, formKey);
  const [value, setValue] = useState<T>(
    () => readDraft<T>(storage, key) ?? (typeof initial === 'function' ? (initial as () => T)() : initial),
  );
  const update = useCallback(
    (next: T | ((current: T) => T)) => {
      setValue((current) => {
        const resolved = typeof next === 'function' ? (next as (c: T) => T)(current) : next;
        writeDraft(storage, key, resolved);
        return resolved;
      });
    },
    [key, storage],
  );
  const clear = useCallback(() => {
    storage.removeItem(key);
    setValue(typeof initial === 'function' ? (initial as () => T)() : initial);
    // The initial value is read once, like useState's.
  }, [key, storage]);
  return [value, update, clear];
}

/**
 * Keyset pages of a connection: the cursor of each page seen so far, so that
 * "Previous" goes back without offsets.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: Array<string | null> }>({ key: resetKey, cursors: [null] });
  // New filters start again at the first page, in the same render.
  const cursors = state.key === resetKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor: string | null) => {
      if (endCursor) setState({ key: resetKey, cursors: [...cursors, endCursor] });
    },
    previous: () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    reset: () => setState({ key: resetKey, cursors: [null] }),
  };
}

/** Pages of a list the API gives whole (a client's consents, referrals, a plan's revisions). */
export function useLocalPages<T>(items: readonly T[], size: number) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages);
  const slice = useMemo(() => items.slice((current - 1) * size, current * size), [items, current, size]);
  return { items: slice, page: current, pages, total: items.length, setPage, size };
}

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Caseflow`;
  }, [title]);
}
