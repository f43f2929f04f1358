import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoId } from '@caseflow/demo';
import { CsvError, parseCsvRecords } from './csv';

/** The taxonomy row the Open Eligibility terms belong to (see ATTRIBUTION.md beside this file). */
export const OPEN_ELIGIBILITY = {
  id: demoId('taxonomy', 'open-eligibility'),
  name: 'Open Eligibility',
  version: '2.0',
  description: 'The Open Eligibility Project\'s Human Services Taxonomy (Aunt Bertha, Inc.), CC BY-SA 3.0.',
} as const;

export interface TermRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parentId: string | null;
}

/** The id every subgraph and seed agrees on for the term with this Open Eligibility code. */
export function openEligibilityTermId(code: string): string {
  return demoId('taxonomy_term', code);
}

/** The service categories CSV shipped with this library (columns code, name, parent_code, description). */
export function readOpenEligibilityCsv(): string {
  return readFileSync(join(__dirname, 'open-eligibility-services.csv'), 'utf8');
}

/**
 * Turns the CSV into term rows with deterministic ids and parent links.
 * The published taxonomy repeats one code (1206 is both "Medical Care" and,
 * as its own child, "Primary Care"), so the first term with a code owns the
 * code's id and is what a `parent_code` points at; a later term repeating
 * the code gets an id from its code and name. A parent code that no term
 * holds is an error, naming the line.
 */
export function openEligibilityTerms(csv: string): TermRow[] {
  const records = parseCsvRecords(csv);
  const firstByCode = new Map<string, string>();
  const terms = records.map(({ line, record }) => {
    const code = (record.code ?? '').trim();
    const name = (record.name ?? '').trim();
    if (!code || !name) throw new CsvError(line, 'a term needs a code and a name');
    const id = firstByCode.has(code) ? demoId('taxonomy_term', `${code}:${name}`) : openEligibilityTermId(code);
    if (!firstByCode.has(code)) firstByCode.set(code, id);
    return { line, id, code, name, description: record.description?.trim() || null, parentCode: (record.parent_code ?? '').trim() };
  });
  return terms.map(({ line, parentCode, ...term }) => {
    if (!parentCode) return { ...term, parentId: null };
    const parentId = firstByCode.get(parentCode);
    if (!parentId) throw new CsvError(line, `parent_code ${parentCode} is not the code of any term`);
    if (parentId === term.id) throw new CsvError(line, `term ${term.code} is its own parent`);
    return { ...term, parentId };
  });
}
