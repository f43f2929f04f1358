import type { AssessmentItemInput } from './assessment.inputs';
import { checkAssessmentItems, checkItemCount, countRatings, MAX_ITEMS, newCharacteristics } from './assessment.rules';

function refusedField(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return (error as { details: { field: string } }).details.field;
  }
}

const item = (over: Partial<AssessmentItemInput> = {}): AssessmentItemInput => ({
  domain: 'ATTITUDES',
  characteristic: 'Desire to work',
  rating: 'ASSET',
  ...over,
});

describe('the input rules of a needs assessment', () => {
  it('rates 1 to 200 items', () => {
    expect(refusedField(() => checkItemCount([]))).toBe('input.items');
    expect(refusedField(() => checkItemCount(Array.from({ length: MAX_ITEMS + 1 }, () => item())))).toBe('input.items');
    expect(refusedField(() => checkItemCount([item()]))).toBeNull();
  });

  it('rates a characteristic once (case-insensitively) and plans to compensate a barrier only, naming the item', () => {
    expect(refusedField(() => checkAssessmentItems([item(), item({ characteristic: 'DESIRE TO WORK ' })]))).toBe(
      'input.items[1].characteristic',
    );
    expect(refusedField(() => checkAssessmentItems([item({ planToCompensate: { how: 'Coaching' } })]))).toBe(
      'input.items[0].planToCompensate',
    );
    const [checked] = checkAssessmentItems([item({ rating: 'BARRIER', planToCompensate: { how: ' Coaching ' } })]);
    expect(checked).toMatchObject({ position: 0, planHow: 'Coaching', planByWhen: null, planWhoHelps: null, notes: null });
  });

  it('counts barriers and assets, and finds the characteristics the agency does not know yet', () => {
    expect(countRatings([{ rating: 'BARRIER' }, { rating: 'ASSET' }, { rating: 'BARRIER' }, { rating: 'NOT_APPLICABLE' }])).toEqual({
      barrierCount: 2,
      assetCount: 1,
    });
    const known = [{ domain: 'ATTITUDES' as const, name: 'Desire to work' }];
    const items = [item({ characteristic: 'desire to work' }), item({ characteristic: 'Punctual replies' })];
    expect(newCharacteristics(items, known).map((i) => i.characteristic)).toEqual(['Punctual replies']);
  });
});
