import { badInput, requiredText } from '@caseflow/core';
import { pageSize } from '@caseflow/db';

const MAX_SEARCH = 200;
export const ORGANIZATION_PAGE_DEFAULT = 20;

/**
 * The words of a name search: runs of letters and digits (anything else
 * separates words, so no operator a caller types reaches the query parser),
 * each to match as the start of a word (`organization.sql.ts`), so that
 * "food bank" and "north food" both find "Northside Food Bank".
 * BAD_USER_INPUT naming `search` when blank, too long or wordless.
 */
export function nameSearchWords(search: string | null | undefined): string[] {
  const text = requiredText('search', search, { max: MAX_SEARCH });
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words) throw badInput('search', 'must contain a letter or a digit');
  return [...new Set(words)];
}

/** A page size of 1 to the largest page, or BAD_USER_INPUT naming `first`. */
export function namePageSize(first: number | null | undefined): number {
  const size = pageSize(first, ORGANIZATION_PAGE_DEFAULT);
  if (size < 1) throw badInput('first', 'must be at least 1');
  return size;
}
