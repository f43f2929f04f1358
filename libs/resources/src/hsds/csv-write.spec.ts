import { parseCsvRecords } from '../taxonomy/csv';
import { csvField, csvLine } from './csv-write';

describe('csv output', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('keeps every cell a spreadsheet would run as a formula as text, and leaves plain numbers', () => {
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(['+1 555 0100', '-2+3', '@SUM(A1)', '\t=1', '\r=1'].map(csvField)).toEqual([
      "'+1 555 0100",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      '"\'\r=1"',
    ]);
    expect(csvField('-79.3832')).toBe('-79.3832');
  });

  it('reads back exactly what it wrote', () => {
    const values = ['"+44 1234 234567"', 'a,b', '', 'line\r\nbreak', 'Zélie'];
    const text = csvLine(['a', 'b', 'c', 'd', 'e']) + csvLine(values);
    expect(parseCsvRecords(text)).toEqual([{ line: 2, record: { a: values[0], b: values[1], c: values[2], d: values[3], e: values[4] } }]);
  });
});
