import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestSubgraph } from '@caseflow/testing';
import { parseCsvRecords } from '../taxonomy/csv';
import { exportPackage } from './export';
import { importPackage, PackageError } from './import';
import { rowCounts, startResources } from '../testing/testbed';
import { hsdsTables } from './package';

const EXAMPLES = join(__dirname, 'fixtures', 'examples');
const csvFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
const records = (dir: string, file: string) => parseCsvRecords(readFileSync(join(dir, file), 'utf8')).map((r) => r.record);
const scratch: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hsds-test-'));
  scratch.push(dir);
  return dir;
};
/** A copy of the official examples with one file's text changed. */
const examplesWith = (file: string, change: (text: string) => string) => {
  const dir = tempDir();
  cpSync(EXAMPLES, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
};

let empty: TestSubgraph;
let demo: TestSubgraph;
const tableCounts = (t: TestSubgraph) => rowCounts(t, [...hsdsTables().keys()]);

beforeAll(async () => {
  [empty, demo] = await Promise.all([startResources('empty'), startResources('demo')]);
});
afterAll(async () => {
  await Promise.all([empty?.stop(), demo?.stop()]);
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('HSDS data package import and export', () => {
  it('imports the official examples, one row per table, warning about what it keeps as given', async () => {
    const report = await importPackage(empty.subgraph.database.dataSource, EXAMPLES);
    expect(Object.keys(report.rows).sort()).toEqual([...hsdsTables().keys()].sort());
    expect(Object.values(report.rows).every((n) => n === 1)).toBe(true);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'locations.csv, row 1: coordinates out of range: kept, but the location is not found by distance',
        expect.stringMatching(/^locations\.csv, row 1, field organization_id: points at no organization/),
        expect.stringMatching(/^taxonomy_terms\.csv, row 1, field parent_id: points at no taxonomy_term/),
      ]),
    );
    expect(Object.values(await tableCounts(empty)).every((n) => n === 1)).toBe(true);
  });

  it('exports the official examples back to the same rows, file by file', async () => {
    const dir = tempDir();
    await exportPackage(empty.subgraph.database.dataSource, dir);
    expect(csvFiles(dir)).toEqual(csvFiles(EXAMPLES));
    for (const file of csvFiles(EXAMPLES)) {
      expect({ file, rows: records(dir, file) }).toEqual({ file, rows: records(EXAMPLES, file) });
    }
    expect(JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(EXAMPLES, 'datapackage.json'), 'utf8')),
    );
  });

  it('imports the same package again without duplicating anything, and updates changed rows by id', async () => {
    const before = await tableCounts(empty);
    await importPackage(empty.subgraph.database.dataSource, EXAMPLES);
    expect(await tableCounts(empty)).toEqual(before);
    const renamed = examplesWith('services.csv', (text) => text.replace('Community Counselling,', 'Community Counselling Service,'));
    await importPackage(empty.subgraph.database.dataSource, renamed);
    expect(await tableCounts(empty)).toEqual(before);
    const [service] = await empty.subgraph.database.dataSource.query(
      `SELECT name FROM resources.service WHERE id = 'ac148810-d857-441c-9679-408f346de14b'`,
    );
    expect(service.name).toBe('Community Counselling Service');
  });

  const malformed: Array<[string, string, (text: string) => string, string]> = [
    [
      'a value outside an enumeration',
      'services.csv',
      (t) => t.replace(',active,', ',open,'),
      'services.csv, row 1 (line 2), field status: must be one of active, inactive, defunct, temporarily closed',
    ],
    [
      'an id that is not a UUID',
      'phones.csv',
      (t) => t.replace('1554f2e2-a373-45db-a3fa-9fc48a61c15e', 'phone-1'),
      'phones.csv, row 1 (line 2), field id: must be a UUID',
    ],
    [
      'a reference to no row',
      'service_at_location.csv',
      (t) => t.replace(',3a19ff88-4620-4d17-9830-ac1d859eb5d5,', ',3a19ff88-4620-4d17-9830-ac1d859eb5d6,'),
      'service_at_location.csv, row 1 (line 2), field location_id: 3a19ff88-4620-4d17-9830-ac1d859eb5d6 is not the id of any location in the package or the directory',
    ],
    [
      'a missing required value',
      'organizations.csv',
      (t) => t.replace('Example Organization Inc.,', ','),
      'organizations.csv, row 1 (line 2), field name: is required',
    ],
    [
      'a bad date',
      'schedules.csv',
      (t) => t.replace('2005-01-01,2005-01-01,2005-01-01', '2005-13-01,2005-01-01,2005-01-01'),
      'schedules.csv, row 1 (line 2), field valid_from: must be a date YYYY-MM-DD',
    ],
    [
      'hours that break the iCal rule syntax',
      'schedules.csv',
      (t) => t.replace('"TH,FR"', 'Thursdays'),
      'schedules.csv, row 1 (line 2), field byday: must be iCal weekday codes, e.g. MO,TU or 1MO,-1FR',
    ],
    [
      'an unknown column',
      'funding.csv',
      (t) => t.replace('id,organization_id,service_id,source', 'id,organization_id,service_id,source_of_funds'),
      'funding.csv, field source_of_funds: is not a field of the HSDS funding table',
    ],
    [
      'a row with too many fields',
      'programs.csv',
      (t) => t.trimEnd() + ',extra\n',
      'programs.csv, row 1 (line 2): has 6 fields where the header has 5',
    ],
    [
      'a repeated id',
      'taxonomies.csv',
      (t) => t.trimEnd() + '\n' + t.trimEnd().split('\n')[1] + '\n',
      'taxonomies.csv, row 2 (line 3), field id: repeats the id of row 1',
    ],
    [
      'an unknown table',
      'datapackage.json',
      (t) => t.replace('"name": "funding"', '"name": "grants"'),
      'datapackage.json, field resources: names "grants", which is not an HSDS 3.0 table',
    ],
  ];
  it.each(malformed)('rejects a package with %s, naming file, row and field, and imports nothing', async (_name, file, change, message) => {
    const before = await tableCounts(demo);
    // A new organization first in the package: it must not be imported either.
    const dir = examplesWith(file, change);
    const orgs = readFileSync(join(dir, 'organizations.csv'), 'utf8').trimEnd();
    writeFileSync(
      join(dir, 'organizations.csv'),
      `${orgs}\n0b6c1c7e-7c55-4a55-9d3b-6f1f4f5a0001,Brand New Agency,,A new agency.,,,,,,,,,\n`,
    );
    const attempt = importPackage(demo.subgraph.database.dataSource, dir);
    await expect(attempt).rejects.toThrow(PackageError);
    await expect(attempt).rejects.toThrow(message);
    expect(await tableCounts(demo)).toEqual(before);
    const [agency] = await demo.subgraph.database.dataSource.query(
      `SELECT count(*)::int AS n FROM resources.organization WHERE name = 'Brand New Agency'`,
    );
    expect(agency.n).toBe(0);
  });

  it('exports the demo directory and imports it into an empty directory as the same package, in few statements', async () => {
    const first = tempDir();
    const counts = await exportPackage(demo.subgraph.database.dataSource, first);
    expect(counts.service).toBeGreaterThanOrEqual(200);
    const target = await startResources('empty');
    try {
      const mark = target.subgraph.database.counter.count;
      const report = await importPackage(target.subgraph.database.dataSource, first);
      expect(report.warnings).toEqual([]);
      expect(report.rows).toMatchObject({ service: counts.service, location: counts.location, schedule: counts.schedule });
      // One upsert per table present (every table fits one batch here), plus the reference checks and the transaction.
      expect(target.subgraph.database.counter.since(mark).length).toBeLessThan(60);
      const second = tempDir();
      await exportPackage(target.subgraph.database.dataSource, second);
      for (const file of csvFiles(first)) {
        expect({ file, rows: records(second, file) }).toEqual({ file, rows: records(first, file) });
      }
    } finally {
      await target.stop();
    }
  });
});
