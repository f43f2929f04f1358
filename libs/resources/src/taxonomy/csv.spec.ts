import { CsvError, parseCsv, parseCsvRecords } from './csv';

const fieldsOf = (text: string) => parseCsv(text).map((row) => row.fields);

describe('parseCsv', () => {
  it('splits plain fields on commas and keeps empty fields', () => {
    expect(fieldsOf('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = '1101,Emergency,,"Services for shelter, food and safety."\n2,"Say ""hi""","x","line one\nline two"\n';
    expect(fieldsOf(text)).toEqual([
      ['1101', 'Emergency', '', 'Services for shelter, food and safety.'],
      ['2', 'Say "hi"', 'x', 'line one\nline two'],
    ]);
  });

  it('reads CRLF line ends, a byte-order mark, a missing final line end, and skips blank lines', () => {
    expect(fieldsOf('\ufeffcode,name\r\n\r\n1,"a, b"\r\n2,c')).toEqual([
      ['code', 'name'],
      ['1', 'a, b'],
      ['2', 'c'],
    ]);
  });

  it('treats a quoted empty field as a row, not a blank line', () => {
    expect(fieldsOf('x\n""\ny\n')).toEqual([['x'], [''], ['y']]);
  });

  it('numbers rows by the line they start on, across quoted line breaks', () => {
    expect(parseCsv('a,"b\nc"\nd,e\n').map((row) => row.line)).toEqual([1, 3]);
  });

  it('refuses an unclosed quote and stray quotes, naming the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(new CsvError(2, 'a quoted field is not closed'));
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/^line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/^line 2: text after the closing quote/);
  });
});

describe('parseCsvRecords', () => {
  it('keys each row by the header names', () => {
    expect(parseCsvRecords('code,name,parent_code,description\n1130,Food Pantry,1102,"Groceries, weekly"\n')).toEqual([
      { line: 2, record: { code: '1130', name: 'Food Pantry', parent_code: '1102', description: 'Groceries, weekly' } },
    ]);
  });

  it('refuses a row with a different number of fields than the header', () => {
    expect(() => parseCsvRecords('code,name\n1,a,extra\n')).toThrow('line 2: expected 2 fields, found 3');
  });

  it('reads an empty file as no records', () => {
    expect(parseCsvRecords('')).toEqual([]);
  });
});
