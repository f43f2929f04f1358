/** The needs-assessment checklist: items grouped by domain, and the form's answers turned into the API's input. */
import type { AssessmentDomain, AssessmentItemInput, AssessmentRating } from '../graphql/generated';
import { AssessmentDomainValues } from '../graphql/generated';

export interface Characteristic {
  domain: AssessmentDomain;
  name: string;
}

export interface Answer {
  rating: AssessmentRating | '';
  notes: string;
  how: string;
  byWhen: string;
  whoHelps: string;
}

export type Answers = Record<string, Answer>;

export const EMPTY_ANSWER: Answer = { rating: '', notes: '', how: '', byWhen: '', whoHelps: '' };

export function answerKey(c: Characteristic): string {
  return `${c.domain}:${c.name}`;
}

/** Items by domain, domains in the checklist's standard order, items in the order given. */
export function byDomain<T extends { domain: AssessmentDomain }>(items: T[]): Array<{ domain: AssessmentDomain; items: T[] }> {
  return AssessmentDomainValues.map((domain) => ({ domain, items: items.filter((i) => i.domain === domain) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The rated characteristics as RecordAssessmentInput items; a plan to compensate goes with a barrier only. */
export function assessmentItems(checklist: Characteristic[], answers: Answers): AssessmentItemInput[] {
  const items: AssessmentItemInput[] = [];
  for (const c of checklist) {
    const a = answers[answerKey(c)];
    if (!a?.rating) continue;
    const plan =
      a.rating === 'BARRIER' && a.how.trim() ? { how: a.how.trim(), byWhen: a.byWhen || null, whoHelps: a.whoHelps.trim() || null } : null;
    items.push({ domain: c.domain, characteristic: c.name, rating: a.rating, notes: a.notes.trim() || null, planToCompensate: plan });
  }
  return items;
}

/** Form problems keyed by answer key (and `items` for the whole form). */
export function assessmentErrors(checklist: Characteristic[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  const rated = checklist.filter((c) => answers[answerKey(c)]?.rating);
  if (rated.length === 0) errors.items = 'Rate at least one characteristic.';
  for (const c of rated) {
    const a = answers[answerKey(c)];
    if (a.rating !== 'BARRIER' && (a.how.trim() || a.whoHelps.trim() || a.byWhen))
      errors[answerKey(c)] = 'A plan to compensate goes with a barrier only.';
    else if (a.rating === 'BARRIER' && !a.how.trim() && (a.whoHelps.trim() || a.byWhen))
      errors[answerKey(c)] = 'Say how the barrier will be compensated.';
    else if (a.notes.length > 2000 || a.how.length > 2000) errors[answerKey(c)] = 'Use at most 2,000 characters.';
  }
  return errors;
}
