/**
 * A supervisor's team: one row per case manager of the agency with five
 * counts (open clients, high priority, overdue follow-ups, overdue plan
 * steps, referrals awaiting the partner's answer), each leading to that
 * person's caseload. The last two come from the plans and referrals
 * services; when one is down its column says so and the rest still shows.
 */
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { TeamCaseloadsDocument, type TeamCaseloadsQuery } from '../../graphql/generated';
import { ColumnsMissing, Empty, QueryView } from '../../ui/feedback';
import { Page } from '../../ui/page';

type Row = TeamCaseloadsQuery['teamCaseloads'][number];

const COLUMNS: Array<{ key: keyof Omit<Row, 'staffMemberId' | 'staffMember' | '__typename'>; text: string }> = [
  { key: 'openClients', text: 'Open clients' },
  { key: 'highPriority', text: 'High priority' },
  { key: 'overdueFollowUps', text: 'Overdue follow-ups' },
  { key: 'overdueSteps', text: 'Overdue plan steps' },
  { key: 'referralsAwaitingAnswer', text: 'Referrals awaiting an answer' },
];

export function TeamPage() {
  const [result, refetch] = useQuery({ query: TeamCaseloadsDocument, requestPolicy: 'cache-and-network' });
  return (
    <Page title="Team" subtitle="Each case manager's load today. A number opens that person's caseload.">
      <QueryView result={result} what="the team's caseloads" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => <TeamTable rows={data.teamCaseloads} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      </QueryView>
    </Page>
  );
}

export function TeamTable({ rows, onRetry }: { rows: Row[]; onRetry(): void }) {
  if (rows.length === 0) return <Empty>The agency has no case managers yet.</Empty>;
  const missing = [
    rows.some((r) => r.overdueSteps == null) ? 'overdue plan steps' : '',
    rows.some((r) => r.referralsAwaitingAnswer == null) ? 'referrals awaiting an answer' : '',
  ].filter(Boolean);
  return (
    <>
      {missing.length ? (
        <ColumnsMissing
          missing={`The ${missing.join(' and ')} could not be counted right now.`}
          rest="The other counts are up to date."
          onRetry={onRetry}
        />
      ) : null}
      <table className="table caseload team">
        <caption>Case managers of the agency, by name</caption>
        <thead>
          <tr>
            <th scope="col">Case manager</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key}>
                {c.text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const caseload = `/caseload?cm=${encodeURIComponent(r.staffMember.id)}`;
            return (
              <tr key={r.staffMemberId}>
                <th scope="row" data-label="Case manager">
                  <Link to={caseload}>{r.staffMember.displayName}</Link>
                </th>
                {COLUMNS.map((c) => {
                  const value = r[c.key];
                  return (
                    <td key={c.key} data-label={c.text}>
                      {value == null ? (
                        <span>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">not available</span>
                        </span>
                      ) : (
                        <Link to={caseload} aria-label={`${c.text} of ${r.staffMember.displayName}: ${value}`}>
                          {value}
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
