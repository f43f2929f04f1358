import { clearDrafts, draftKey, readDraft, writeDraft } from './drafts';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

describe('drafts', () => {
  it('keeps typed values per person and form', () => {
    const store = memoryStore();
    writeDraft(store, draftKey('casey', 'note.c1'), { body: 'Met at the library' });
    expect(readDraft(store, draftKey('casey', 'note.c1'))).toEqual({ body: 'Met at the library' });
    expect(readDraft(store, draftKey('jordan', 'note.c1'))).toBeNull();
  });

  it('drops a damaged draft', () => {
    const store = memoryStore();
    store.setItem(draftKey('casey', 'x'), '{not json');
    expect(readDraft(store, draftKey('casey', 'x'))).toBeNull();
    expect(store.keys()).toEqual([]);
  });

  it('clears other people’s drafts on sign-in and everyone’s on sign-out, leaving other keys alone', () => {
    const store = memoryStore();
    writeDraft(store, draftKey('casey', 'a'), 1);
    writeDraft(store, draftKey('jordan', 'b'), 2);
    store.setItem('caseflow.session', 'kept');
    clearDrafts(store, 'casey');
    expect(store.keys().sort()).toEqual(['caseflow.draft.casey.a', 'caseflow.session']);
    clearDrafts(store);
    expect(store.keys()).toEqual(['caseflow.session']);
  });
});
