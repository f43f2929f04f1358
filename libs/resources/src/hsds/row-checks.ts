/**
 * The rules a row must follow beyond its fields' types: the same rules the
 * database's CHECK constraints hold, checked first so that an import error
 * names the file, row and field instead of a constraint.
 */

type Cells = Record<string, string>;
/** A problem: the field it is about and what is wrong, or null. */
export type RowProblem = { field: string; problem: string } | null;

const BYDAY = /^(?:[+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;
const BYMONTHDAY = /^-?([1-9]|[12]\d|3[01])$/;
const has = (row: Cells, ...fields: string[]) => fields.some((f) => (row[f] ?? '') !== '');
const listOk = (value: string, pattern: RegExp) =>
  value
    .toUpperCase()
    .split(',')
    .every((e) => pattern.test(e.trim()));
const positiveInteger = (value: string) => /^\d+$/.test(value.trim()) && Number(value) > 0;

function datesInOrder(row: Cells, from: string, to: string): RowProblem {
  return row[from] && row[to] && row[to] < row[from] ? { field: to, problem: `must not be before ${from}` } : null;
}

const CHECKS: Record<string, Array<(row: Cells) => RowProblem>> = {
  service: [
    (r) => (r.minimum_age && Number(r.minimum_age) < 0 ? { field: 'minimum_age', problem: 'must not be negative' } : null),
    (r) => (r.maximum_age && Number(r.maximum_age) < 0 ? { field: 'maximum_age', problem: 'must not be negative' } : null),
    (r) =>
      r.minimum_age && r.maximum_age && Number(r.maximum_age) < Number(r.minimum_age)
        ? { field: 'maximum_age', problem: 'must not be less than minimum_age' }
        : null,
  ],
  address: [
    (r) => (/^[A-Z]{2}$/.test(r.country ?? '') ? null : { field: 'country', problem: 'must be an ISO 3166-1 alpha-2 code, e.g. CA' }),
  ],
  schedule: [
    (r) =>
      has(r, 'service_id', 'location_id', 'service_at_location_id')
        ? null
        : { field: 'service_id', problem: 'a schedule needs a service_id, location_id or service_at_location_id' },
    (r) => datesInOrder(r, 'valid_from', 'valid_to'),
    (r) => (r.count && !positiveInteger(r.count) ? { field: 'count', problem: 'must be a whole number above 0' } : null),
    (r) => (r.interval && !positiveInteger(r.interval) ? { field: 'interval', problem: 'must be a whole number above 0' } : null),
    (r) => (r.byday && !listOk(r.byday, BYDAY) ? { field: 'byday', problem: 'must be iCal weekday codes, e.g. MO,TU or 1MO,-1FR' } : null),
    (r) =>
      r.bymonthday && !listOk(r.bymonthday, BYMONTHDAY)
        ? { field: 'bymonthday', problem: 'must be days of the month, e.g. 1,15,-1' }
        : null,
    (r) =>
      r.timezone && (Number(r.timezone) < -12 || Number(r.timezone) > 14)
        ? { field: 'timezone', problem: 'must be a UTC offset from -12 to 14 hours' }
        : null,
  ],
  phone: [
    (r) =>
      has(r, 'organization_id', 'service_id', 'location_id', 'service_at_location_id', 'contact_id')
        ? null
        : {
            field: 'organization_id',
            problem: 'a phone needs an organization_id, service_id, location_id, service_at_location_id or contact_id',
          },
  ],
  language: [
    (r) =>
      has(r, 'service_id', 'location_id', 'phone_id')
        ? null
        : { field: 'service_id', problem: 'a language needs a service_id, location_id or phone_id' },
    (r) => (has(r, 'name', 'code') ? null : { field: 'name', problem: 'a language needs a name or a code' }),
  ],
  taxonomy_term: [(r) => (r.parent_id && r.parent_id === r.id ? { field: 'parent_id', problem: 'a term cannot be its own parent' } : null)],
  cost_option: [(r) => datesInOrder(r, 'valid_from', 'valid_to')],
};

/** The first rule of the table the row breaks, or null. */
export function rowProblem(table: string, row: Cells): RowProblem {
  for (const check of CHECKS[table] ?? []) {
    const problem = check(row);
    if (problem) return problem;
  }
  return null;
}

/** Questionable but kept as given: reported by the import, not refused. */
export function rowWarning(table: string, row: Cells): string | null {
  if (table !== 'location') return null;
  const lat = row.latitude ? Number(row.latitude) : null;
  const lon = row.longitude ? Number(row.longitude) : null;
  if ((lat !== null && Math.abs(lat) > 90) || (lon !== null && Math.abs(lon) > 180))
    return 'coordinates out of range: kept, but the location is not found by distance';
  return null;
}
