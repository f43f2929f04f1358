/**
 * An analyst's outcome figures for a chosen period: referral completion by
 * month, goal attainment by term, case closures by outcome and month,
 * distance travelled (barriers that became assets) by domain. Each
 * is a chart and a table, loads on its own, and downloads as CSV exactly as
 * shown (suppressed cells stay "suppressed").
 */
import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import {
  ClosuresByOutcomeDocument,
  DistanceTravelledByDomainDocument,
  GoalAttainmentByTermDocument,
  ReferralCompletionDocument,
} from '../../graphql/generated';
import { type CsvCell, toCsv } from '../../lib/csv';
import { label } from '../../lib/labels';
import {
  ATTAINMENT_HEADER,
  COMPLETION_HEADER,
  DISTANCE_HEADER,
  type Count,
  type MonthRange,
  type Period,
  attainmentCsv,
  attainmentRows,
  closureCsv,
  closureMatrix,
  completionCsv,
  completionRows,
  countText,
  defaultMonths,
  distanceCsv,
  distanceRows,
  monthLabel,
  percentText,
  monthsProblem,
  periodOf,
} from '../../lib/outcomes';
import { QueryView } from '../../ui/feedback';
import { TextField } from '../../ui/fields';
import { Page, Section } from '../../ui/page';
import { FEWER_THAN_11 } from './chart-marks';
import { BarChart, GroupedBarChart, Heatmap } from './charts';

export function downloadCsv(filename: string, header: string[], rows: CsvCell[][]): void {
  const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function CsvButton({ name, period, header, rows }: { name: string; period: Period; header: string[]; rows: CsvCell[][] }) {
  return (
    <button
      type="button"
      className="button secondary small"
      onClick={() => downloadCsv(`${name}_${period.from}_${period.to}.csv`, header, rows)}
    >
      Download CSV<span className="visually-hidden"> of {name.replace(/-/g, ' ')}</span>
    </button>
  );
}

/** How the charts show a suppressed figure. */
function SuppressedLegend() {
  return (
    <p className="legend">
      “{FEWER_THAN_11}” and nothing drawn: a suppressed figure (the number is not shown anywhere, and a count beside a small one may be
      withheld with it so that a total cannot give it away).
    </p>
  );
}

const SUPPRESSED = <span className="suppressed">suppressed</span>;
const cell = (c: Count | null | undefined) => (c?.suppressed ? SUPPRESSED : countText(c));
/** A rate: withheld when a count it is made of was ("suppressed"), else "—" when there is none. */
const rateCell = (rate: number | null | undefined, fromSuppressed: boolean) =>
  rate === null || rate === undefined ? (fromSuppressed ? SUPPRESSED : '—') : percentText(rate);

export function OutcomesPage() {
  // Whole calendar months only: the figures are never asked for a period a day longer or shorter than another.
  const [draft, setDraft] = useState<MonthRange>(() => defaultMonths());
  const [period, setPeriod] = useState<Period>(() => periodOf(draft));
  const [problem, setProblem] = useState<{ field: 'from' | 'to'; message: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = monthsProblem(draft);
    setProblem(found);
    if (!found) setPeriod(periodOf(draft));
  };
  return (
    <Page
      title="Outcomes"
      subtitle="Figures for funders, by whole calendar months. Any count of fewer than 11 people is suppressed, and so is another in its row or column where a total would give it away, so that no figure identifies a person."
    >
      <form className="inline-form period-form" onSubmit={submit} noValidate aria-label="Period">
        <TextField
          name="from"
          type="month"
          label="From month"
          placeholder="YYYY-MM"
          value={draft.fromMonth}
          onChange={(fromMonth) => setDraft({ ...draft, fromMonth })}
          error={problem?.field === 'from' ? problem.message : undefined}
        />
        <TextField
          name="to"
          type="month"
          label="To month"
          placeholder="YYYY-MM"
          value={draft.toMonth}
          onChange={(toMonth) => setDraft({ ...draft, toMonth })}
          error={problem?.field === 'to' ? problem.message : undefined}
        />
        <button type="submit" className="button primary">
          Show
        </button>
      </form>
      <ReferralCompletion period={period} />
      <GoalAttainment period={period} />
      <Closures period={period} />
      <DistanceTravelled period={period} />
    </Page>
  );
}

function ReferralCompletion({ period }: { period: Period }) {
  const [result, refetch] = useQuery({ query: ReferralCompletionDocument, variables: { period } });
  return (
    <Section title="Referral completion by month">
      <QueryView result={result} what="the referral figures" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const rows = completionRows(data.referralOutcomes, period);
          return (
            <>
              <BarChart
                title="Completion rate of referrals, by month sent"
                description={`Completed referrals as a share of those sent, for ${rows.length} months.`}
                bars={rows.map((r) => ({
                  label: monthLabel(r.month),
                  value: r.cell?.completionRate ?? null,
                  suppressed: Boolean(r.cell && r.cell.completionRate === null),
                  text: percentText(r.cell?.completionRate),
                }))}
                max={1}
                format={(v) => `${Math.round(v * 100)}%`}
              />
              <SuppressedLegend />
              <div className="table-actions">
                <CsvButton name="referral-completion" period={period} header={COMPLETION_HEADER} rows={completionCsv(rows)} />
              </div>
              <div className="table-scroll" role="region" aria-label="Referrals by month (scrolls sideways)" tabIndex={0}>
                <table className="table figures">
                  <caption>Referrals by the month they were sent</caption>
                  <thead>
                    <tr>
                      <th scope="col">Month</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Accepted</th>
                      <th scope="col">Completed</th>
                      <th scope="col">Completion rate</th>
                      <th scope="col">Median days to answer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ month, cell: c }) => (
                      <tr key={month}>
                        <th scope="row">{monthLabel(month)}</th>
                        <td>{c ? cell(c.sent) : '0'}</td>
                        <td>{c ? cell(c.accepted) : '0'}</td>
                        <td>{c ? cell(c.completed) : '0'}</td>
                        <td>{rateCell(c?.completionRate, c !== null && c !== undefined)}</td>
                        <td>{c?.medianDaysToResponse ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function GoalAttainment({ period }: { period: Period }) {
  const [result, refetch] = useQuery({ query: GoalAttainmentByTermDocument, variables: { period } });
  return (
    <Section title="Goal attainment by term">
      <QueryView result={result} what="the goal figures" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const rows = attainmentRows(data.goalAttainment);
          return (
            <>
              <GroupedBarChart
                title="Goals set and achieved, by term"
                description={`Goals set in agreed plans during the period and how many of them are achieved, for short, mid and long term goals.`}
                series={['Goals set', 'Goals achieved']}
                groups={rows.map((r) => ({
                  label: label(r.term),
                  bars: [
                    { series: 'Goals set', label: 'set', value: r.set.count, suppressed: r.set.suppressed, text: countText(r.set) },
                    {
                      series: 'Goals achieved',
                      label: 'achieved',
                      value: r.achieved.count,
                      suppressed: r.achieved.suppressed,
                      text: countText(r.achieved),
                    },
                  ],
                }))}
              />
              <SuppressedLegend />
              <div className="table-actions">
                <CsvButton name="goal-attainment" period={period} header={ATTAINMENT_HEADER} rows={attainmentCsv(rows)} />
              </div>
              <div className="table-scroll" role="region" aria-label="Goals by term (scrolls sideways)" tabIndex={0}>
                <table className="table figures">
                  <caption>Goals by term</caption>
                  <thead>
                    <tr>
                      <th scope="col">Term</th>
                      <th scope="col">Goals set</th>
                      <th scope="col">Goals achieved</th>
                      <th scope="col">Attainment rate</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.term}>
                        <th scope="row">{label(r.term)}</th>
                        <td>{cell(r.set)}</td>
                        <td>{cell(r.achieved)}</td>
                        <td>{rateCell(r.rate, r.set.suppressed || r.achieved.suppressed)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

function Closures({ period }: { period: Period }) {
  const [result, refetch] = useQuery({ query: ClosuresByOutcomeDocument, variables: { period } });
  return (
    <Section title="Case closures by outcome">
      <QueryView result={result} what="the closure figures" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const matrix = closureMatrix(data.caseOutcomes, period);
          const csv = closureCsv(matrix);
          return (
            <>
              <Heatmap
                title="Cases closed, by outcome and month"
                description={`People whose case closed each month, by outcome.`}
                columns={matrix.months.map((m) => monthLabel(m).replace(/ \d{4}$/, ''))}
                rows={matrix.rows.map((r) => ({
                  label: r.label,
                  cells: r.months.map((c) => (c ? { value: c.count, suppressed: c.suppressed } : null)),
                }))}
              />
              <SuppressedLegend />
              <div className="table-actions">
                <CsvButton name="case-closures" period={period} header={csv.header} rows={csv.rows} />
              </div>
              <div className="table-scroll" role="region" aria-label="Closures by outcome and month (scrolls sideways)" tabIndex={0}>
                <table className="table figures">
                  <caption>People whose case closed, by outcome and month</caption>
                  <thead>
                    <tr>
                      <th scope="col">Outcome</th>
                      {matrix.months.map((m) => (
                        <th scope="col" key={m}>
                          {monthLabel(m)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {matrix.rows.length === 0 ? (
                      <tr>
                        <td colSpan={matrix.months.length + 1}>No case closed in the period.</td>
                      </tr>
                    ) : (
                      matrix.rows.map((r) => (
                        <tr key={r.key}>
                          <th scope="row">{r.label}</th>
                          {r.months.map((c, i) => (
                            <td key={matrix.months[i]}>{c ? cell(c) : '0'}</td>
                          ))}
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}

/** Short names for the chart's axis; the table and CSV carry the full ones. */
const DOMAIN_SHORT: Record<string, string> = {
  CERTIFICATES_LICENSES: 'Certificates',
  PERSONAL_CIRCUMSTANCES: 'Circumstances',
  PERSONAL_HEALTH: 'Health',
  ATTITUDES: 'Attitudes',
  SOCIAL_SUPPORT: 'Support',
  CAREER_MANAGEMENT: 'Career',
  EMPLOYABILITY: 'Employability',
  OTHER: 'Other',
};

function DistanceTravelled({ period }: { period: Period }) {
  const [result, refetch] = useQuery({ query: DistanceTravelledByDomainDocument, variables: { period } });
  return (
    <Section title="Distance travelled by domain">
      <QueryView result={result} what="the distance travelled" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const rows = distanceRows(data.distanceTravelled);
          return (
            <>
              <p className="small">
                Clients whose first and latest assessments both fall in the period and both rate the domain: how many had a barrier become
                an asset, and an asset become a barrier.
              </p>
              {rows.length ? (
                <GroupedBarChart
                  title="Barriers resolved and added, by domain"
                  description={`Clients with a barrier that became an asset, and with an asset that became a barrier, in ${rows.length} domains.`}
                  series={['Barrier to asset', 'Asset to barrier']}
                  groups={rows.map((r) => ({
                    label: DOMAIN_SHORT[r.domain] ?? label(r.domain),
                    bars: [
                      {
                        series: 'Barrier to asset',
                        label: 'barrier to asset',
                        value: r.barrierToAsset.count,
                        suppressed: r.barrierToAsset.suppressed,
                        text: countText(r.barrierToAsset),
                      },
                      {
                        series: 'Asset to barrier',
                        label: 'asset to barrier',
                        value: r.assetToBarrier.count,
                        suppressed: r.assetToBarrier.suppressed,
                        text: countText(r.assetToBarrier),
                      },
                    ],
                  }))}
                />
              ) : null}
              <SuppressedLegend />
              <div className="table-actions">
                <CsvButton name="distance-travelled" period={period} header={DISTANCE_HEADER} rows={distanceCsv(rows)} />
              </div>
              <div className="table-scroll" role="region" aria-label="Distance travelled by domain (scrolls sideways)" tabIndex={0}>
                <table className="table figures">
                  <caption>Distance travelled by domain</caption>
                  <thead>
                    <tr>
                      <th scope="col">Domain</th>
                      <th scope="col">Clients</th>
                      <th scope="col">Barrier to asset</th>
                      <th scope="col">Asset to barrier</th>
                      <th scope="col">Share resolved</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.length === 0 ? (
                      <tr>
                        <td colSpan={5}>No client had two assessments in the period.</td>
                      </tr>
                    ) : (
                      rows.map((r) => (
                        <tr key={r.domain}>
                          <th scope="row">{label(r.domain)}</th>
                          <td>{cell(r.clients)}</td>
                          <td>{cell(r.barrierToAsset)}</td>
                          <td>{cell(r.assetToBarrier)}</td>
                          <td>{rateCell(r.resolvedRate, r.clients.suppressed || r.barrierToAsset.suppressed)}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}
