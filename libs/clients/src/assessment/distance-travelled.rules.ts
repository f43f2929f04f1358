/**
 * Distance travelled: how a client's ratings moved from the first needs
 * assessment to the latest. Pure.
 *
 * - The baseline is the first assessment (earliest `assessedAt`, ties by id),
 *   the latest the last one; assessments in between are not compared. With
 *   fewer than two assessments nothing is compared: no baseline, no latest,
 *   no changes.
 * - A characteristic is its domain and name, the name matched
 *   case-insensitively (as an assessment's own items are), so an agency's
 *   custom characteristic (OTHER or any domain) compares with itself.
 * - ASSET and BARRIER on both sides give BARRIER_TO_ASSET, ASSET_TO_BARRIER,
 *   STILL_BARRIER or STILL_ASSET. A characteristic rated in one assessment
 *   only, or NOT_APPLICABLE on one side and ASSET or BARRIER on the other, is
 *   NOT_COMPARABLE (`from`/`to` show what each side said, null when it was not
 *   rated): "does not apply" is neither a strength nor a need, so there is no
 *   movement to count. NOT_APPLICABLE on both sides is left out: the
 *   characteristic applies to the client at neither time.
 * - `barriersResolved` counts BARRIER_TO_ASSET, `barriersAdded` counts
 *   ASSET_TO_BARRIER.
 */
import { ASSESSMENT_DOMAINS, type AssessmentDomain, type AssessmentRating } from './assessment.entity';

export type RatingChange = 'BARRIER_TO_ASSET' | 'ASSET_TO_BARRIER' | 'STILL_BARRIER' | 'STILL_ASSET' | 'NOT_COMPARABLE';
export const RATING_CHANGES: readonly RatingChange[] = [
  'BARRIER_TO_ASSET',
  'ASSET_TO_BARRIER',
  'STILL_BARRIER',
  'STILL_ASSET',
  'NOT_COMPARABLE',
];

export interface RatedItem {
  domain: AssessmentDomain;
  characteristic: string;
  rating: AssessmentRating;
}

export interface ComparedAssessment<I extends RatedItem = RatedItem> {
  id: string;
  assessedAt: Date;
  items: readonly I[];
}

export interface CharacteristicChangeValue {
  domain: AssessmentDomain;
  characteristic: string;
  from: AssessmentRating | null;
  to: AssessmentRating | null;
  change: RatingChange;
}

export interface DistanceTravelledValue<A extends ComparedAssessment = ComparedAssessment> {
  baseline: A | null;
  latest: A | null;
  barriersResolved: number;
  barriersAdded: number;
  changes: CharacteristicChangeValue[];
}

/** Earliest first; the same instant ordered by id (as the assessments are read: `assessed_at, id`). */
const chronological = (a: ComparedAssessment, b: ComparedAssessment) =>
  a.assessedAt.getTime() - b.assessedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The first and the latest of a client's assessments (in any order), or null when there are fewer than two. */
export function baselineAndLatest<A extends ComparedAssessment>(assessments: readonly A[]): [A, A] | null {
  if (assessments.length < 2) return null;
  const sorted = [...assessments].sort(chronological);
  return [sorted[0], sorted[sorted.length - 1]];
}

/** The change of one characteristic rated `from` at the baseline and `to` at the latest (null: not rated); null when it is left out. */
export function ratingChange(from: AssessmentRating | null, to: AssessmentRating | null): RatingChange | null {
  if (from === 'NOT_APPLICABLE' && to === 'NOT_APPLICABLE') return null;
  if (from === 'BARRIER' && to === 'ASSET') return 'BARRIER_TO_ASSET';
  if (from === 'ASSET' && to === 'BARRIER') return 'ASSET_TO_BARRIER';
  if (from === 'BARRIER' && to === 'BARRIER') return 'STILL_BARRIER';
  if (from === 'ASSET' && to === 'ASSET') return 'STILL_ASSET';
  return 'NOT_COMPARABLE';
}

const characteristicKey = (item: RatedItem) => `${item.domain}|${item.characteristic.trim().toLowerCase()}`;
const domainOrder = (d: AssessmentDomain) => ASSESSMENT_DOMAINS.indexOf(d);

/**
 * Each characteristic's change between two assessments, in checklist order:
 * by domain (as the checklist lists them), then as the latest assessment
 * lists them, then the characteristics only the baseline rated, as it lists
 * them. The name shown is the latest assessment's spelling when it rated it.
 */
export function compareAssessments(baseline: readonly RatedItem[], latest: readonly RatedItem[]): CharacteristicChangeValue[] {
  const before = new Map(baseline.map((i) => [characteristicKey(i), i]));
  const after = new Map(latest.map((i) => [characteristicKey(i), i]));
  const listed = [...latest, ...baseline.filter((i) => !after.has(characteristicKey(i)))];
  const changes: Array<CharacteristicChangeValue & { at: number }> = [];
  listed.forEach((item, at) => {
    const key = characteristicKey(item);
    const from = before.get(key)?.rating ?? null;
    const to = after.get(key)?.rating ?? null;
    const change = ratingChange(from, to);
    if (change) changes.push({ domain: item.domain, characteristic: item.characteristic, from, to, change, at });
  });
  return changes.sort((a, b) => domainOrder(a.domain) - domainOrder(b.domain) || a.at - b.at).map(({ at: _at, ...change }) => change);
}

/** A client's distance travelled from their assessments (any order, each with its items). */
export function distanceTravelled<A extends ComparedAssessment>(assessments: readonly A[]): DistanceTravelledValue<A> {
  const pair = baselineAndLatest(assessments);
  if (!pair) return { baseline: null, latest: null, barriersResolved: 0, barriersAdded: 0, changes: [] };
  const [baseline, latest] = pair;
  const changes = compareAssessments(baseline.items, latest.items);
  return {
    baseline,
    latest,
    barriersResolved: changes.filter((c) => c.change === 'BARRIER_TO_ASSET').length,
    barriersAdded: changes.filter((c) => c.change === 'ASSET_TO_BARRIER').length,
    changes,
  };
}
