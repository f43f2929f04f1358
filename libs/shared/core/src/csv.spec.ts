import { neutralizeCsvCell, restoreCsvCell } from './csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Food bank")', `'=HYPERLINK("https://evil.example","Food bank")`],
    ['+44 7700 900123', "'+44 7700 900123"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=already quoted", "''=already quoted"],
  ])('keeps %j as text', (value, written) => {
    expect(neutralizeCsvCell(value)).toBe(written);
    expect(restoreCsvCell(written)).toBe(value);
  });

  it.each(['Food bank', '-79.3832', '+5', '1e-3', '', "it's", "'quoted", 'a=b', 'name@example.org'])('leaves %j as it is', (value) => {
    expect(neutralizeCsvCell(value)).toBe(value);
    expect(restoreCsvCell(value)).toBe(value);
  });
});
