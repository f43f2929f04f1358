/** The latest needs assessment as the asset/barrier checklist by domain, earlier ones, and a new assessment. */
import { useState } from 'react';
import { useQuery } from 'urql';
import { ClientAssessmentDocument, type ClientAssessmentQuery } from '../../graphql/generated';
import { byDomain } from '../../lib/assessment';
import { formatDate, formatDateTime } from '../../lib/dates';
import { label, plural } from '../../lib/labels';
import { Badge } from '../../ui/badges';
import { Disclosure } from '../../ui/disclosure';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useLocalPages } from '../../ui/hooks';
import { Section } from '../../ui/page';
import { LocalPager } from '../../ui/pager';
import { AssessmentForm } from './AssessmentForm';

type Assessment = NonNullable<NonNullable<ClientAssessmentQuery['client']>['latestAssessment']>;

export function AssessmentPart({ clientId }: { clientId: string }) {
  const [result, refetch] = useQuery({ query: ClientAssessmentDocument, variables: { id: clientId }, context: ASSESSMENT_CONTEXT });
  const [saved, setSaved] = useState(false);
  return (
    <QueryView result={result} what="the assessments" retry={() => refetch({ requestPolicy: 'network-only' })}>
      {(data) => {
        const client = data.client;
        if (!client) return <Empty>No such client.</Empty>;
        const latest = client.latestAssessment;
        return (
          <div className="parts">
            {saved ? <Success>The assessment was recorded; the caseload priority now counts its barriers.</Success> : null}
            <Section title="Latest assessment">
              <Disclosure label="New assessment" openLabel="Close the new assessment">
                {(close) => (
                  <AssessmentForm
                    clientId={clientId}
                    previous={latest?.items ?? []}
                    onDone={() => {
                      close();
                      setSaved(true);
                      refetch({ requestPolicy: 'network-only' });
                    }}
                  />
                )}
              </Disclosure>
              {latest ? <Checklist assessment={latest} /> : <Empty>No assessment yet. Record one with “New assessment”.</Empty>}
            </Section>
            <EarlierAssessments items={client.assessments} latestId={latest?.id ?? null} />
          </div>
        );
      }}
    </QueryView>
  );
}

// Recording the first assessment must refresh a client that had none.
const ASSESSMENT_CONTEXT = { additionalTypenames: ['NeedsAssessment'] };

function Checklist({ assessment }: { assessment: Assessment }) {
  return (
    <>
      <p>
        Assessed {formatDateTime(assessment.assessedAt)} by {assessment.assessedBy.displayName}:{' '}
        <strong>{plural(assessment.barrierCount, 'barrier')}</strong>, {plural(assessment.assetCount, 'asset')}.
      </p>
      {assessment.summary ? <p className="summary">{assessment.summary}</p> : null}
      {byDomain(assessment.items).map((group) => (
        <details key={group.domain} className="domain-group" open>
          <summary>
            {label(group.domain)}{' '}
            <span className="muted">({plural(group.items.filter((i) => i.rating === 'BARRIER').length, 'barrier')})</span>
          </summary>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Characteristic</th>
                <th scope="col">Rating</th>
                <th scope="col">Plan to compensate</th>
              </tr>
            </thead>
            <tbody>
              {group.items.map((item) => (
                <tr key={item.characteristic} className={item.rating === 'BARRIER' ? 'row-barrier' : undefined}>
                  <th scope="row" data-label="Characteristic">
                    {item.characteristic}
                    {item.notes ? <span className="small block">{item.notes}</span> : null}
                  </th>
                  <td data-label="Rating">
                    <Badge value={item.rating} />
                  </td>
                  <td data-label="Plan to compensate">
                    {item.planToCompensate ? (
                      <>
                        {item.planToCompensate.how}
                        <span className="small block">
                          {item.planToCompensate.byWhen ? `By ${formatDate(item.planToCompensate.byWhen)}` : 'No date'}
                          {item.planToCompensate.whoHelps ? ` · ${item.planToCompensate.whoHelps}` : ''}
                        </span>
                      </>
                    ) : item.rating === 'BARRIER' ? (
                      <span className="warning-text">No plan yet</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}

function EarlierAssessments({
  items,
  latestId,
}: {
  items: Array<{ id: string; assessedAt: string; barrierCount: number; assetCount: number }>;
  latestId: string | null;
}) {
  const earlier = items.filter((a) => a.id !== latestId).sort((a, b) => b.assessedAt.localeCompare(a.assessedAt));
  const pages = useLocalPages(earlier, 5);
  if (!earlier.length) return null;
  return (
    <Section title="Earlier assessments">
      <ul className="plain">
        {pages.items.map((a) => (
          <li key={a.id}>
            {formatDateTime(a.assessedAt)}: {plural(a.barrierCount, 'barrier')}, {plural(a.assetCount, 'asset')}
          </li>
        ))}
      </ul>
      <LocalPager pages={pages} label="earlier assessments" />
    </Section>
  );
}
