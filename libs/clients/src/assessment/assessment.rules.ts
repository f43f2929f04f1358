/**
 * The input rules of a needs assessment: 1 to 200 items, each characteristic
 * rated once, a plan to compensate only for a barrier; the counts are
 * derived from the ratings. Pure.
 */
import { badInput, optionalText, requiredText } from '@caseflow/core';
import { NAME_MAX, TEXT_MAX } from '../shared/validation';
import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import type { AssessmentItemInput } from './assessment.inputs';

export const MAX_ITEMS = 200;

export interface CheckedItem {
  position: number;
  domain: AssessmentDomain;
  characteristic: string;
  rating: AssessmentRating;
  notes: string | null;
  planHow: string | null;
  planByWhen: string | null;
  planWhoHelps: string | null;
}

export function checkItemCount(input: AssessmentItemInput[]): void {
  if (input.length === 0) throw badInput('input.items', 'must rate at least one characteristic');
  if (input.length > MAX_ITEMS) throw badInput('input.items', `must hold at most ${MAX_ITEMS} items`);
}

/** The items of `input.items`, validated and normalised, in order (their count is checked first: checkItemCount). */
export function checkAssessmentItems(input: AssessmentItemInput[]): CheckedItem[] {
  const seen = new Set<string>();
  const items = input.map((item, i) => {
    const field = `input.items[${i}]`;
    const characteristic = requiredText(`${field}.characteristic`, item.characteristic, { max: NAME_MAX });
    const key = `${item.domain}|${characteristic.toLowerCase()}`;
    if (seen.has(key)) throw badInput(`${field}.characteristic`, 'is rated twice in this assessment');
    seen.add(key);
    const plan = item.planToCompensate;
    return {
      position: i,
      domain: item.domain,
      characteristic,
      rating: item.rating,
      notes: optionalText(`${field}.notes`, item.notes, { max: TEXT_MAX }),
      planHow: plan ? requiredText(`${field}.planToCompensate.how`, plan.how, { max: TEXT_MAX }) : null,
      planByWhen: plan?.byWhen ?? null,
      planWhoHelps: plan ? optionalText(`${field}.planToCompensate.whoHelps`, plan.whoHelps, { max: NAME_MAX }) : null,
    };
  });
  items.forEach((item, i) => {
    if (item.planHow && item.rating !== 'BARRIER') throw badInput(`input.items[${i}].planToCompensate`, 'is only for a barrier');
  });
  return items;
}

export function countRatings(items: Array<{ rating: AssessmentRating }>): { barrierCount: number; assetCount: number } {
  return {
    barrierCount: items.filter((i) => i.rating === 'BARRIER').length,
    assetCount: items.filter((i) => i.rating === 'ASSET').length,
  };
}

/** The items whose characteristic is on neither the standard checklist nor the agency's own (matched case-insensitively). */
export function newCharacteristics<T extends { domain: AssessmentDomain; characteristic: string }>(
  items: T[],
  known: Array<{ domain: AssessmentDomain; name: string }>,
): T[] {
  const names = new Set(known.map((k) => `${k.domain}|${k.name.toLowerCase()}`));
  return items.filter((i) => !names.has(`${i.domain}|${i.characteristic.toLowerCase()}`));
}
