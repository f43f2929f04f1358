/**
 * A supervisor's view of one client's audit trail (`clientAuditTrail`): every
 * read and change of the client's record across the subgraphs, newest first,
 * with who, what, from which service, allowed or denied, and the request id
 * to find the same request in the logs. Keyset pages of 50.
 */
import { useQuery } from 'urql';
import { Link } from '../../app/router';
import { useAgencyZone } from '../../app/session';
import { ClientAuditTrailDocument, ClientProfileDocument, StaffNameDocument } from '../../graphql/generated';
import { label } from '../../lib/labels';
import { formatDateTimeIn } from '../../lib/zone';
import { Badge } from '../../ui/badges';
import { Empty, QueryView } from '../../ui/feedback';
import { useCursorPages } from '../../ui/hooks';
import { Page } from '../../ui/page';
import { Pager } from '../../ui/pager';

export const AUDIT_PAGE_SIZE = 50;

export function AuditTrailPage({ clientId }: { clientId: string }) {
  const zone = useAgencyZone();
  const [profile] = useQuery({ query: ClientProfileDocument, variables: { id: clientId }, requestPolicy: 'cache-first' });
  const pages = useCursorPages(clientId);
  const [result, refetch] = useQuery({
    query: ClientAuditTrailDocument,
    variables: { clientId, first: AUDIT_PAGE_SIZE, after: pages.after },
    requestPolicy: 'network-only',
  });
  const name = profile.data?.client?.displayName;
  return (
    <Page
      title={name ? `Audit trail: ${name}` : 'Audit trail'}
      subtitle={`Newest first; times on the agency’s clock (${zone.replace(/_/g, ' ')}).`}
    >
      <p>
        <Link to={`/clients/${clientId}`}>Back to the client file</Link>
      </p>
      <QueryView result={result} what="the audit trail" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => {
          const connection = data.clientAuditTrail;
          if (!connection.edges.length) return <Empty>Nothing recorded for this client.</Empty>;
          return (
            <>
              <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit events">
                <table className="table audit-trail">
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                      <th scope="col">Service</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {connection.edges.map(({ cursor, node: e }) => (
                      <tr key={cursor} className={e.outcome === 'DENIED' ? 'row-warning' : undefined}>
                        <th scope="row" data-label="When">
                          {formatDateTimeIn(e.at, zone)}
                        </th>
                        <td data-label="Who">
                          <ActorName id={e.actorId} />
                          <span className="small block">{label(e.actorRole)}</span>
                        </td>
                        <td data-label="What">
                          {label(e.action)} <span className="muted">{e.entityType}</span>
                        </td>
                        <td data-label="Service">{e.source}</td>
                        <td data-label="Outcome">
                          <Badge value={e.outcome} />
                        </td>
                        <td data-label="Detail">
                          {e.detail ?? '—'}
                          <span className="small block">Request {e.requestId}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={pages.page}
                hasPrevious={pages.page > 1}
                hasNext={connection.pageInfo.hasNextPage}
                onPrevious={pages.previous}
                onNext={() => pages.next(connection.pageInfo.endCursor ?? null)}
                pageSize={AUDIT_PAGE_SIZE}
                shown={connection.edges.length}
                label="the audit trail"
              />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

/** The person's name when the API gives it (asked once per person, then cached), else their staff id. */
function ActorName({ id }: { id: string }) {
  const [result] = useQuery({ query: StaffNameDocument, variables: { id }, requestPolicy: 'cache-first' });
  return <>{result.data?.staffMember?.displayName ?? <span className="muted">Staff {id.slice(0, 8)}</span>}</>;
}
