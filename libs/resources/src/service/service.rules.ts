import { badInput, optionalText, requiredText } from '@caseflow/core';
import type { Row } from '../directory-edit/changes';
import { LIMITS, optionalAge, optionalEmail, optionalUrl } from '../directory-edit/fields.rules';
import type { UpdateServiceInput } from './service.inputs';

/** ISO 639 codes of the languages the directory names most; other languages are kept by name only. */
export const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  french: 'fr',
  arabic: 'ar',
  mandarin: 'zh',
  cantonese: 'yue',
  spanish: 'es',
  "mi'kmaq": 'mic',
  portuguese: 'pt',
  tigrinya: 'ti',
  farsi: 'fa',
  persian: 'fa',
  ukrainian: 'uk',
  punjabi: 'pa',
  hindi: 'hi',
  'american sign language': 'ase',
};

export type ServiceFields = Omit<UpdateServiceInput, 'languages' | 'taxonomyTermIds'>;

/** Each input field of a service: its column and its check. */
const SERVICE_FIELDS: { [K in keyof ServiceFields]-?: [string, (field: string, value: ServiceFields[K]) => unknown] } = {
  name: ['name', (f, v) => requiredText(f, v, { max: LIMITS.name })],
  alternateName: ['alternate_name', (f, v) => optionalText(f, v, { max: LIMITS.name })],
  description: ['description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  url: ['url', optionalUrl],
  email: ['email', optionalEmail],
  applicationProcess: ['application_process', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  feesDescription: ['fees_description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  eligibilityDescription: ['eligibility_description', (f, v) => optionalText(f, v, { max: LIMITS.longText })],
  minimumAge: ['minimum_age', optionalAge],
  maximumAge: ['maximum_age', optionalAge],
};

/**
 * The checked columns of the given fields. Creating, every field counts; on
 * update a field left out keeps its value and an explicit null clears it.
 */
export function serviceColumns(input: ServiceFields, creating: boolean): Row {
  const columns: Row = {};
  for (const [key, [column, check]] of Object.entries(SERVICE_FIELDS) as Array<
    [keyof ServiceFields, [string, (f: string, v: unknown) => unknown]]
  >) {
    if (creating || input[key] !== undefined) columns[column] = check(`input.${key}`, input[key]);
  }
  return columns;
}

/** A maximum age is not below the minimum (on the row as it will be). */
export function checkAges(row: Row): void {
  const min = row.minimum_age as number | null | undefined;
  const max = row.maximum_age as number | null | undefined;
  if (min != null && max != null && Number(max) < Number(min)) throw badInput('input.maximumAge', 'must not be less than minimumAge');
}

/** The languages asked for: checked names, each once (case ignored); null when not given. */
export function languageList(values: string[] | null | undefined): string[] | null {
  if (values == null) return null;
  if (values.length > LIMITS.list) throw badInput('input.languages', `must list at most ${LIMITS.list} languages`);
  const names = values.map((v) => requiredText('input.languages', v, { max: 100 }));
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}
