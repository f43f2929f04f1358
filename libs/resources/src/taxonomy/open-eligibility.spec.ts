import { openEligibilityTermId, openEligibilityTerms, readOpenEligibilityCsv } from './open-eligibility';

const header = 'code,name,parent_code,description\n';

describe('openEligibilityTerms', () => {
  it('gives terms deterministic ids from their codes and links each to its parent', () => {
    const terms = openEligibilityTerms(`${header}1102,Food,,"Meals, pantries and more."\n1130,Food Pantry,1102,\n`);
    expect(terms).toEqual([
      { id: openEligibilityTermId('1102'), code: '1102', name: 'Food', description: 'Meals, pantries and more.', parentId: null },
      { id: openEligibilityTermId('1130'), code: '1130', name: 'Food Pantry', description: null, parentId: openEligibilityTermId('1102') },
    ]);
  });

  it('keeps a term that repeats a code, under the first term holding that code', () => {
    const [medical, primary] = openEligibilityTerms(`${header}1106,Health,,\n1206,Medical Care,1106,\n1206,Primary Care,1206,\n`).slice(1);
    expect(medical.id).toBe(openEligibilityTermId('1206'));
    expect(primary.id).not.toBe(medical.id);
    expect(primary.parentId).toBe(medical.id);
  });

  it('refuses a parent code no term holds, and a term without a name, naming the line', () => {
    expect(() => openEligibilityTerms(`${header}1130,Food Pantry,9999,\n`)).toThrow('line 2: parent_code 9999 is not the code of any term');
    expect(() => openEligibilityTerms(`${header}1130,,,\n`)).toThrow('line 2: a term needs a code and a name');
  });

  it('reads the shipped taxonomy: 291 terms, 11 top-level categories, every parent present', () => {
    const terms = openEligibilityTerms(readOpenEligibilityCsv());
    expect(terms).toHaveLength(291);
    expect(new Set(terms.map((t) => t.id)).size).toBe(291);
    expect(terms.filter((t) => t.parentId === null).map((t) => t.name)).toEqual([
      'Emergency', 'Food', 'Housing', 'Goods', 'Transit', 'Health', 'Money', 'Care', 'Education', 'Work', 'Legal',
    ]);
    const ids = new Set(terms.map((t) => t.id));
    expect(terms.every((t) => t.parentId === null || ids.has(t.parentId))).toBe(true);
  });
});
