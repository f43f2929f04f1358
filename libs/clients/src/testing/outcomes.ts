/**
 * What the outcome figures' tests share: the audit trail's last id, days
 * counted from a period's bounds, and the refusal of a period that is not
 * whole calendar months.
 */
import { errorCodes, type MonthPeriod } from '@caseflow/testing';
import type { ClientsTestbed } from './testbed';

/** The id of the latest audit event (0 when none), to read what came after it. */
export const lastAuditId = async (tb: ClientsTestbed) =>
  Number((await tb.sql<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM clients.audit_event'))[0].id);

/** The day `days` after `date` (both YYYY-MM-DD; negative: before). */
export const day = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Asks `query` (with the period as `$p`) as an analyst for each of `cases`: each is refused with BAD_USER_INPUT
 * naming its field and no figures, and nothing at all is audited.
 */
export async function expectPeriodsRefused(
  tb: ClientsTestbed,
  query: string,
  cases: ReadonlyArray<readonly [period: MonthPeriod, field: string]>,
): Promise<void> {
  const mark = await lastAuditId(tb);
  for (const [p, field] of cases) {
    const res = await tb.as('alex', query, { p });
    expect({ codes: errorCodes(res), field: res.errors?.[0].extensions?.field, data: res.data }).toEqual({
      codes: ['BAD_USER_INPUT'],
      field,
      data: null,
    });
  }
  expect(await tb.sql('SELECT action, outcome FROM clients.audit_event WHERE id > $1', [mark])).toEqual([]);
}
