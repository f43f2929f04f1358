import { answerKey, assessmentErrors, assessmentItems, byDomain } from './assessment';

const checklist = [
  { domain: 'EMPLOYABILITY' as const, name: 'Punctuality' },
  { domain: 'CERTIFICATES_LICENSES' as const, name: "Driver's license" },
  { domain: 'EMPLOYABILITY' as const, name: 'Work history' },
];
/** A day a month from now: a plan to compensate looks ahead. */
const byWhen = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const blank = { rating: '' as const, notes: '', how: '', byWhen: '', whoHelps: '' };

describe('the needs-assessment form', () => {
  it('groups items by domain in the checklist order', () => {
    expect(byDomain(checklist).map((g) => [g.domain, g.items.map((i) => i.name)])).toEqual([
      ['CERTIFICATES_LICENSES', ["Driver's license"]],
      ['EMPLOYABILITY', ['Punctuality', 'Work history']],
    ]);
  });

  it('sends rated items only, with a plan to compensate for a barrier', () => {
    const answers = {
      [answerKey(checklist[0])]: { ...blank, rating: 'ASSET' as const },
      [answerKey(checklist[1])]: { ...blank, rating: 'BARRIER' as const, how: ' Lessons with a volunteer ', byWhen },
    };
    expect(assessmentItems(checklist, answers)).toEqual([
      { domain: 'EMPLOYABILITY', characteristic: 'Punctuality', rating: 'ASSET', notes: null, planToCompensate: null },
      {
        domain: 'CERTIFICATES_LICENSES',
        characteristic: "Driver's license",
        rating: 'BARRIER',
        notes: null,
        planToCompensate: { how: 'Lessons with a volunteer', byWhen, whoHelps: null },
      },
    ]);
  });

  it('needs one rating, and a plan only with a barrier', () => {
    expect(assessmentErrors(checklist, {})).toEqual({ items: 'Rate at least one characteristic.' });
    expect(assessmentErrors(checklist, { [answerKey(checklist[0])]: { ...blank, rating: 'ASSET', how: 'x' } })).toEqual({
      [answerKey(checklist[0])]: 'A plan to compensate goes with a barrier only.',
    });
  });
});
