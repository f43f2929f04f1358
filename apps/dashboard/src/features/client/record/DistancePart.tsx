/**
 * Distance travelled: the client's first and latest assessments side by side,
 * per domain — barriers resolved and added, and each characteristic from → to.
 * Needs two assessments; with fewer it says so.
 */
import { useQuery } from 'urql';
import { ClientDistanceDocument } from '../../../graphql/generated';
import { formatDateTime } from '../../../lib/dates';
import { label, plural } from '../../../lib/labels';
import { changeText, distanceByDomain, hasComparison, signed } from '../../../lib/signoff';
import { Empty, QueryView } from '../../../ui/feedback';
import { Section } from '../../../ui/page';

const DISTANCE_CONTEXT = { additionalTypenames: ['NeedsAssessment'] };

export function DistancePart({ clientId }: { clientId: string }) {
  // Asked again whenever the part is opened: a new assessment elsewhere in the file changes it.
  const [result, refetch] = useQuery({
    query: ClientDistanceDocument,
    variables: { id: clientId },
    requestPolicy: 'cache-and-network',
    context: DISTANCE_CONTEXT,
  });
  return (
    <Section title="Distance travelled">
      <QueryView result={result} what="the distance travelled" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const d = data.client?.distanceTravelled;
          if (!data.client || !d) return <p>No client has this id.</p>;
          if (!hasComparison(d) || !d.baseline || !d.latest)
            return (
              <Empty>
                Distance travelled needs two assessments: the first is compared with the latest. Record another assessment to see the
                change.
              </Empty>
            );
          const domains = distanceByDomain(d.changes);
          return (
            <>
              <div className="distance-summary">
                <p>
                  <strong>Before</strong>: first assessment, {formatDateTime(d.baseline.assessedAt)} —{' '}
                  {plural(d.baseline.barrierCount, 'barrier')}, {plural(d.baseline.assetCount, 'asset')}.
                </p>
                <p>
                  <strong>After</strong>: latest assessment, {formatDateTime(d.latest.assessedAt)} —{' '}
                  {plural(d.latest.barrierCount, 'barrier')}, {plural(d.latest.assetCount, 'asset')}.
                </p>
              </div>
              <p className="distance-totals" role="status">
                <strong>{plural(d.barriersResolved, 'barrier')} resolved</strong>, {plural(d.barriersAdded, 'new barrier')} since the first
                assessment.
              </p>
              {domains.length === 0 ? <Empty>No characteristic was rated in these assessments.</Empty> : null}
              {domains.map((dom) => (
                <div key={dom.domain} className="distance-domain">
                  <h4>{label(dom.domain)}</h4>
                  <p className="small">
                    Barriers {dom.barriersBefore} → {dom.barriersAfter} ({signed(dom.barriersAfter - dom.barriersBefore)}) · {dom.resolved}{' '}
                    resolved · {dom.added} new
                  </p>
                  <table className="table distance">
                    <caption className="visually-hidden">{label(dom.domain)}: first and latest rating of each characteristic</caption>
                    <thead>
                      <tr>
                        <th scope="col">Characteristic</th>
                        <th scope="col">Before</th>
                        <th scope="col">After</th>
                        <th scope="col">Change</th>
                      </tr>
                    </thead>
                    <tbody>
                      {dom.changes.map((c) => (
                        <tr key={c.characteristic} className={`change-${c.change.toLowerCase().replace(/_/g, '-')}`}>
                          <th scope="row" data-label="Characteristic">
                            {c.characteristic}
                          </th>
                          <td data-label="Before">{c.from ? label(c.from) : 'Not rated'}</td>
                          <td data-label="After">{c.to ? label(c.to) : 'Not rated'}</td>
                          <td data-label="Change">{changeText(c.change)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </>
          );
        }}
      </QueryView>
    </Section>
  );
}
