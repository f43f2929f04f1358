/** A partner's inbox: referrals sent to their organization, newest first, by stage, in pages. */
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { useMe } from '../../app/session';
import { InboxDocument, type ReferralStatus } from '../../graphql/generated';
import { daysUntilInstant, formatDateTime, relativeDays } from '../../lib/dates';
import { withQuery } from '../../lib/routes';
import { Badge } from '../../ui/badges';
import { Empty, ErrorNotice, Loading } from '../../ui/feedback';
import { useCursorPages } from '../../ui/hooks';
import { Page } from '../../ui/page';
import { Pager } from '../../ui/pager';

export const INBOX_VIEWS: Array<{ key: string; text: string; statuses: ReferralStatus[] | null }> = [
  { key: 'waiting', text: 'Waiting for an answer', statuses: ['SENT', 'WAITLISTED'] },
  { key: 'active', text: 'Accepted and in progress', statuses: ['ACCEPTED', 'IN_PROGRESS'] },
  { key: 'closed', text: 'Closed', statuses: ['DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED'] },
  { key: 'all', text: 'All', statuses: null },
];
const PAGE = 20;
const INBOX_CONTEXT = { additionalTypenames: ['Referral'] };

export function InboxPage() {
  const me = useMe();
  const { search } = useRouter();
  const view = INBOX_VIEWS.find((v) => v.key === search.get('view')) ?? INBOX_VIEWS[0];
  const pages = useCursorPages(view.key);
  const [result, refetch] = useQuery({
    query: InboxDocument,
    variables: { status: view.statuses, first: PAGE, after: pages.after },
    context: INBOX_CONTEXT,
  });
  const inbox = result.data?.incomingReferrals;
  return (
    <Page title="Referral inbox" subtitle={`Referrals sent to ${me.organization?.name ?? 'your organization'}`}>
      <nav className="tabs" aria-label="Stages of the referrals">
        <ul>
          {INBOX_VIEWS.map((v) => (
            <li key={v.key}>
              <Link
                to={withQuery('/inbox', { view: v.key === 'waiting' ? null : v.key })}
                aria-current={v.key === view.key ? 'page' : undefined}
              >
                {v.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!inbox && result.fetching ? <Loading label="Loading the inbox" /> : null}
      {!inbox && result.error ? (
        <ErrorNotice error={result.error} what="the inbox" onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : null}
      {inbox ? (
        inbox.totalCount === 0 ? (
          <Empty>No referrals here.</Empty>
        ) : (
          <>
            <p className="count">
              {inbox.totalCount} {inbox.totalCount === 1 ? 'referral' : 'referrals'}
            </p>
            <table className="table inbox">
              <caption className="visually-hidden">{view.text}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">Service</th>
                  <th scope="col">Need</th>
                  <th scope="col">Urgency</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Answer by</th>
                </tr>
              </thead>
              <tbody>
                {inbox.edges.map(({ node: r }) => {
                  const due = r.respondBy ? daysUntilInstant(r.respondBy) : null;
                  return (
                    <tr key={r.id}>
                      <th scope="row" data-label="Client">
                        <Link to={`/inbox/${r.id}`}>{r.client?.displayName ?? 'Client not shared'}</Link>
                        {!r.client ? <span className="small block">No consent covers the name</span> : null}
                      </th>
                      <td data-label="Service">{r.service?.name ?? 'Unavailable'}</td>
                      <td data-label="Need">{r.need}</td>
                      <td data-label="Urgency">
                        <Badge value={r.urgency} tone={`urgency-${r.urgency.toLowerCase()}`} />
                      </td>
                      <td data-label="Status">
                        <Badge value={r.status} />
                      </td>
                      <td data-label="Sent">{formatDateTime(r.sentAt)}</td>
                      <td data-label="Answer by">
                        {r.respondBy && (r.status === 'SENT' || r.status === 'WAITLISTED') ? (
                          <span className={due !== null && due <= 2 ? 'warning-text' : undefined}>{relativeDays(due ?? 0)}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Pager
              page={pages.page}
              hasPrevious={pages.page > 1}
              hasNext={inbox.pageInfo.hasNextPage}
              onPrevious={pages.previous}
              onNext={() => pages.next(inbox.pageInfo.endCursor)}
              total={inbox.totalCount}
              pageSize={PAGE}
              shown={inbox.edges.length}
              label="the inbox"
            />
          </>
        )
      ) : null}
    </Page>
  );
}
