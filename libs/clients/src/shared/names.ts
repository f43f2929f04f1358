/** Folds a name for matching: accents removed, case folded, spaces collapsed ("Zélie  Thériault" → "zelie theriault"). */
export function foldName(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function searchNameOf(firstName: string, lastName: string, preferredName: string | null): string {
  return foldName([firstName, lastName, preferredName ?? ''].join(' '));
}

export function sortKeyOf(firstName: string, lastName: string): string {
  return foldName(`${lastName} ${firstName}`);
}

export function displayNameOf(firstName: string, lastName: string, preferredName: string | null): string {
  return `${preferredName?.trim() || firstName} ${lastName}`;
}

/** Escapes LIKE wildcards so that user text matches literally. */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
