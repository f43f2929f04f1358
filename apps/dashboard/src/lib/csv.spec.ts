import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks, and ends lines with CRLF', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        ['Food, Inc.', 'said "yes"'],
        ['plain', 'two\nlines'],
        [null, 3],
      ],
    );
    expect(csv).toBe('name,note\r\n"Food, Inc.","said ""yes"""\r\nplain,"two\nlines"\r\n,3\r\n');
  });

  it('keeps a cell that would start a spreadsheet formula as text, but not a negative number', () => {
    expect(toCsv(['a'], [['=SUM(A1)'], ['-3'], ['@x']])).toBe("a\r\n'=SUM(A1)\r\n-3\r\n'@x\r\n");
  });

  it('keeps a cell starting with a tab or a carriage return before a formula as text too', () => {
    expect(toCsv(['a'], [['\t=1+1'], ['\r=1+1'], ['+44 7700 900123'], ["'=x"]])).toBe(
      "a\r\n'\t=1+1\r\n\"'\r=1+1\"\r\n'+44 7700 900123\r\n''=x\r\n",
    );
  });
});
