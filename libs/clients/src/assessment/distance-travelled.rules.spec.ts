import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import { type ComparedAssessment, distanceTravelled, ratingChange } from './distance-travelled.rules';

const item = (domain: AssessmentDomain, characteristic: string, rating: AssessmentRating) => ({ domain, characteristic, rating });
const DAY = 86_400_000;
const assessment = (id: string, day: number, items: ComparedAssessment['items']): ComparedAssessment => ({
  id,
  assessedAt: new Date(Date.UTC(2020, 0, 1) + day * DAY),
  items,
});

const first = assessment('a1', 0, [
  item('PERSONAL_CIRCUMSTANCES', 'Transportation', 'BARRIER'),
  item('PERSONAL_CIRCUMSTANCES', 'Childcare', 'BARRIER'),
  item('ATTITUDES', 'Desire to work', 'ASSET'),
  item('EMPLOYABILITY', 'Punctuality', 'ASSET'),
  item('EMPLOYABILITY', 'Work history', 'BARRIER'),
]);
const middle = assessment('a2', 30, [
  item('PERSONAL_CIRCUMSTANCES', 'Transportation', 'ASSET'),
  item('ATTITUDES', 'Desire to work', 'BARRIER'),
  item('SOCIAL_SUPPORT', 'Supportive family', 'BARRIER'),
]);
const last = assessment('a3', 90, [
  item('EMPLOYABILITY', 'Punctuality', 'BARRIER'),
  item('PERSONAL_CIRCUMSTANCES', 'Transportation', 'ASSET'),
  item('PERSONAL_CIRCUMSTANCES', 'Childcare', 'BARRIER'),
  item('ATTITUDES', 'Desire to work', 'ASSET'),
  item('CAREER_MANAGEMENT', 'Resume', 'ASSET'),
]);

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
    expect(result.changes).toEqual([
      { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Transportation', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
      { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Childcare', from: 'BARRIER', to: 'BARRIER', change: 'STILL_BARRIER' },
      { domain: 'ATTITUDES', characteristic: 'Desire to work', from: 'ASSET', to: 'ASSET', change: 'STILL_ASSET' },
      { domain: 'CAREER_MANAGEMENT', characteristic: 'Resume', from: null, to: 'ASSET', change: 'NOT_COMPARABLE' },
      { domain: 'EMPLOYABILITY', characteristic: 'Punctuality', from: 'ASSET', to: 'BARRIER', change: 'ASSET_TO_BARRIER' },
      { domain: 'EMPLOYABILITY', characteristic: 'Work history', from: 'BARRIER', to: null, change: 'NOT_COMPARABLE' },
    ]);
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
    const sameTime = assessment('a0', 90, [item('EMPLOYABILITY', 'Punctuality', 'ASSET')]);
    const result = distanceTravelled([last, sameTime]);
    expect([result.baseline?.id, result.latest?.id]).toEqual(['a0', 'a3']);
  });

  type Change = ReturnType<typeof distanceTravelled>['changes'][number];
  interface PairCase {
    name: string;
    before: ComparedAssessment;
    after: ComparedAssessment;
    changes: Change[];
    /** barriersResolved, barriersAdded */
    counts: [number, number];
  }

  const pairs: PairCase[] = [
    {
      name: 'marks characteristics rated in one assessment only as not comparable, and counts neither way',
      before: assessment('b1', 0, [item('PERSONAL_HEALTH', 'Addiction', 'BARRIER')]),
      after: assessment('b2', 10, [item('PERSONAL_HEALTH', 'Mental health', 'ASSET')]),
      changes: [
        { domain: 'PERSONAL_HEALTH', characteristic: 'Mental health', from: null, to: 'ASSET', change: 'NOT_COMPARABLE' },
        { domain: 'PERSONAL_HEALTH', characteristic: 'Addiction', from: 'BARRIER', to: null, change: 'NOT_COMPARABLE' },
      ],
      counts: [0, 0],
    },
    {
      name: "compares an agency's own OTHER characteristics by name, case-insensitively, shown as the latest spells them",
      before: assessment('c1', 0, [
        item('OTHER', 'forklift certificate', 'BARRIER'),
        item('OTHER', 'Food handler card', 'ASSET'),
        item('OTHER', 'First aid', 'BARRIER'),
      ]),
      after: assessment('c2', 10, [
        item('OTHER', 'Forklift Certificate', 'ASSET'),
        item('OTHER', 'Food handler card', 'BARRIER'),
        // The same name in another domain is another characteristic.
        item('CERTIFICATES_LICENSES', 'First aid', 'ASSET'),
      ]),
      changes: [
        { domain: 'CERTIFICATES_LICENSES', characteristic: 'First aid', from: null, to: 'ASSET', change: 'NOT_COMPARABLE' },
        { domain: 'OTHER', characteristic: 'Forklift Certificate', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
        { domain: 'OTHER', characteristic: 'Food handler card', from: 'ASSET', to: 'BARRIER', change: 'ASSET_TO_BARRIER' },
        { domain: 'OTHER', characteristic: 'First aid', from: 'BARRIER', to: null, change: 'NOT_COMPARABLE' },
      ],
      counts: [1, 1],
    },
    {
      name: 'treats NOT_APPLICABLE beside a rating as not comparable, and leaves out a characteristic not applicable both times',
      before: assessment('d1', 0, [
        item('PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE'),
        item('CERTIFICATES_LICENSES', "Driver's license", 'BARRIER'),
        item('PERSONAL_HEALTH', 'Addiction', 'NOT_APPLICABLE'),
      ]),
      after: assessment('d2', 10, [
        item('PERSONAL_CIRCUMSTANCES', 'Childcare', 'BARRIER'),
        item('CERTIFICATES_LICENSES', "Driver's license", 'NOT_APPLICABLE'),
        item('PERSONAL_HEALTH', 'Addiction', 'NOT_APPLICABLE'),
      ]),
      changes: [
        {
          domain: 'CERTIFICATES_LICENSES',
          characteristic: "Driver's license",
          from: 'BARRIER',
          to: 'NOT_APPLICABLE',
          change: 'NOT_COMPARABLE',
        },
        { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Childcare', from: 'NOT_APPLICABLE', to: 'BARRIER', change: 'NOT_COMPARABLE' },
      ],
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
