/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally quoted
 * with `"` (a quoted field may hold commas, line breaks and `""` for a
 * quote), LF or CRLF line ends, an optional byte-order mark. Blank lines are
 * skipped. Errors name the line they occur on.
 */

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvError';
  }
}

export function parseCsv(text: string): CsvRow[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let fieldQuoted = false;
  let rowQuoted = false;
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
  };
  const endRow = () => {
    endField();
    // A line with nothing on it is skipped; one holding a quoted empty field ("") is a row.
    const blank = fields.length === 1 && fields[0] === '' && !rowQuoted;
    if (!blank) rows.push({ line: rowLine, fields });
    fields = [];
    rowQuoted = false;
  };

  for (let i = 0; i < input.length; i += 1) {
    const c = input[i];
    if (inQuotes) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '' || fieldQuoted) throw new CsvError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
      inQuotes = true;
      fieldQuoted = true;
      rowQuoted = true;
      quoteLine = line;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      if (fieldQuoted) throw new CsvError(line, 'text after the closing quote of a field');
      field += c;
    }
  }
  if (inQuotes) throw new CsvError(quoteLine, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0 || rowQuoted) endRow();
  return rows;
}

/** Rows as records keyed by the header row's names; every row must have as many fields as the header. */
export function parseCsvRecords(text: string): Array<{ line: number; record: Record<string, string> }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.fields.map((name) => name.trim());
  return rows.map((row) => {
    if (row.fields.length !== names.length) throw new CsvError(row.line, `expected ${names.length} fields, found ${row.fields.length}`);
    return { line: row.line, record: Object.fromEntries(names.map((name, i) => [name, row.fields[i]])) };
  });
}
