import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import { type ComparedAssessment, distanceTravelled, type RatingChange, ratingChange } from './distance-travelled.rules';

/** An assessment's ratings, by domain and characteristic, in the order the case manager entered them. */
type Ratings = Partial<Record<AssessmentDomain, Record<string, AssessmentRating>>>;

const DAY = 86_400_000;
const assessment = (id: string, day: number, ratings: Ratings): ComparedAssessment => ({
  id,
  assessedAt: new Date(Date.UTC(2020, 0, 1) + day * DAY),
  items: Object.entries(ratings).flatMap(([domain, rated]) =>
    Object.entries(rated).map(([characteristic, rating]) => ({ domain: domain as AssessmentDomain, characteristic, rating })),
  ),
});

/** One expected change: domain, characteristic, the rating before and after (null: not rated), and the change. */
type ChangeRow = [AssessmentDomain, string, AssessmentRating | null, AssessmentRating | null, RatingChange];
const changes = (...rows: ChangeRow[]) =>
  rows.map(([domain, characteristic, from, to, change]) => ({ domain, characteristic, from, to, change }));

const first = assessment('a1', 0, {
  PERSONAL_CIRCUMSTANCES: { Transportation: 'BARRIER', Childcare: 'BARRIER' },
  ATTITUDES: { 'Desire to work': 'ASSET' },
  EMPLOYABILITY: { Punctuality: 'ASSET', 'Work history': 'BARRIER' },
});
const middle = assessment('a2', 30, {
  PERSONAL_CIRCUMSTANCES: { Transportation: 'ASSET' },
  ATTITUDES: { 'Desire to work': 'BARRIER' },
  SOCIAL_SUPPORT: { 'Supportive family': 'BARRIER' },
});
// Entered in another order than the checklist's: the comparison answers in checklist order.
const last = assessment('a3', 90, {
  EMPLOYABILITY: { Punctuality: 'BARRIER' },
  PERSONAL_CIRCUMSTANCES: { Transportation: 'ASSET', Childcare: 'BARRIER' },
  ATTITUDES: { 'Desire to work': 'ASSET' },
  CAREER_MANAGEMENT: { Resume: 'ASSET' },
});

describe('distance travelled between the first and the latest assessment', () => {
  it('compares nothing without assessments', () => {
    expect(distanceTravelled([])).toEqual({ baseline: null, latest: null, barriersResolved: 0, barriersAdded: 0, changes: [] });
  });

  it('compares nothing with a single assessment: no baseline, no latest, no changes', () => {
    expect(distanceTravelled([first])).toEqual({ baseline: null, latest: null, barriersResolved: 0, barriersAdded: 0, changes: [] });
  });

  it('compares two assessments characteristic by characteristic, in checklist order, with the counts', () => {
    const result = distanceTravelled([last, first]);
    expect(result.baseline).toBe(first);
    expect(result.latest).toBe(last);
    expect(result.changes).toEqual(
      changes(
        ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'BARRIER', 'ASSET', 'BARRIER_TO_ASSET'],
        ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'BARRIER', 'BARRIER', 'STILL_BARRIER'],
        ['ATTITUDES', 'Desire to work', 'ASSET', 'ASSET', 'STILL_ASSET'],
        ['CAREER_MANAGEMENT', 'Resume', null, 'ASSET', 'NOT_COMPARABLE'],
        ['EMPLOYABILITY', 'Punctuality', 'ASSET', 'BARRIER', 'ASSET_TO_BARRIER'],
        ['EMPLOYABILITY', 'Work history', 'BARRIER', null, 'NOT_COMPARABLE'],
      ),
    );
    expect([result.barriersResolved, result.barriersAdded]).toEqual([1, 1]);
  });

  it('with three assessments compares the first and the latest and ignores the one in between', () => {
    const three = distanceTravelled([middle, last, first]);
    expect(three).toEqual(distanceTravelled([first, last]));
    expect([three.baseline?.id, three.latest?.id]).toEqual(['a1', 'a3']);
    // The middle assessment's barrier on Desire to work and its Supportive family are not part of the comparison.
    expect(three.changes.map((c) => c.characteristic)).not.toContain('Supportive family');
    expect(three.changes.find((c) => c.characteristic === 'Desire to work')?.change).toBe('STILL_ASSET');
  });

  it('orders assessments of the same instant by id', () => {
    const sameTime = assessment('a0', 90, { EMPLOYABILITY: { Punctuality: 'ASSET' } });
    const result = distanceTravelled([last, sameTime]);
    expect([result.baseline?.id, result.latest?.id]).toEqual(['a0', 'a3']);
  });

  interface PairCase {
    name: string;
    before: ComparedAssessment;
    after: ComparedAssessment;
    changes: ReturnType<typeof changes>;
    /** barriersResolved, barriersAdded */
    counts: [number, number];
  }

  const pairs: PairCase[] = [
    {
      name: 'marks characteristics rated in one assessment only as not comparable, and counts neither way',
      before: assessment('b1', 0, { PERSONAL_HEALTH: { Addiction: 'BARRIER' } }),
      after: assessment('b2', 10, { PERSONAL_HEALTH: { 'Mental health': 'ASSET' } }),
      changes: changes(
        ['PERSONAL_HEALTH', 'Mental health', null, 'ASSET', 'NOT_COMPARABLE'],
        ['PERSONAL_HEALTH', 'Addiction', 'BARRIER', null, 'NOT_COMPARABLE'],
      ),
      counts: [0, 0],
    },
    {
      name: "compares an agency's own OTHER characteristics by name, case-insensitively, shown as the latest spells them",
      before: assessment('c1', 0, { OTHER: { 'forklift certificate': 'BARRIER', 'Food handler card': 'ASSET', 'First aid': 'BARRIER' } }),
      // The same name in another domain is another characteristic.
      after: assessment('c2', 10, {
        OTHER: { 'Forklift Certificate': 'ASSET', 'Food handler card': 'BARRIER' },
        CERTIFICATES_LICENSES: { 'First aid': 'ASSET' },
      }),
      changes: changes(
        ['CERTIFICATES_LICENSES', 'First aid', null, 'ASSET', 'NOT_COMPARABLE'],
        ['OTHER', 'Forklift Certificate', 'BARRIER', 'ASSET', 'BARRIER_TO_ASSET'],
        ['OTHER', 'Food handler card', 'ASSET', 'BARRIER', 'ASSET_TO_BARRIER'],
        ['OTHER', 'First aid', 'BARRIER', null, 'NOT_COMPARABLE'],
      ),
      counts: [1, 1],
    },
    {
      name: 'treats NOT_APPLICABLE beside a rating as not comparable, and leaves out a characteristic not applicable both times',
      before: assessment('d1', 0, {
        PERSONAL_CIRCUMSTANCES: { Childcare: 'NOT_APPLICABLE' },
        CERTIFICATES_LICENSES: { "Driver's license": 'BARRIER' },
        PERSONAL_HEALTH: { Addiction: 'NOT_APPLICABLE' },
      }),
      after: assessment('d2', 10, {
        PERSONAL_CIRCUMSTANCES: { Childcare: 'BARRIER' },
        CERTIFICATES_LICENSES: { "Driver's license": 'NOT_APPLICABLE' },
        PERSONAL_HEALTH: { Addiction: 'NOT_APPLICABLE' },
      }),
      changes: changes(
        ['CERTIFICATES_LICENSES', "Driver's license", 'BARRIER', 'NOT_APPLICABLE', 'NOT_COMPARABLE'],
        ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE', 'BARRIER', 'NOT_COMPARABLE'],
      ),
      counts: [0, 0],
    },
  ];

  it.each(pairs)('$name', ({ before, after, changes, counts }) => {
    const result = distanceTravelled([before, after]);
    expect(result.baseline).toBe(before);
    expect(result.latest).toBe(after);
    expect(result.changes).toEqual(changes);
    expect([result.barriersResolved, result.barriersAdded]).toEqual(counts);
  });

  it('maps every pair of ratings', () => {
    const ratings = ['ASSET', 'BARRIER', 'NOT_APPLICABLE', null] as const;
    const table = ratings.map((from) => ratings.map((to) => (from === null && to === null ? '-' : ratingChange(from, to))));
    expect(table).toEqual([
      ['STILL_ASSET', 'ASSET_TO_BARRIER', 'NOT_COMPARABLE', 'NOT_COMPARABLE'],
      ['BARRIER_TO_ASSET', 'STILL_BARRIER', 'NOT_COMPARABLE', 'NOT_COMPARABLE'],
      ['NOT_COMPARABLE', 'NOT_COMPARABLE', null, 'NOT_COMPARABLE'],
      ['NOT_COMPARABLE', 'NOT_COMPARABLE', 'NOT_COMPARABLE', '-'],
    ]);
  });
});
