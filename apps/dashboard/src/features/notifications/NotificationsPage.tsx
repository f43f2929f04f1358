/**
 * The caller's notifications, newest first: unread ones marked in words,
 * mark one or all read, more loaded by keyset cursor below the ones shown.
 * Each points to its client, referral or appointment while the reader may
 * still open it; a null link (access ended) leaves the message without one.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../../api/errors';
import { Link } from '../../app/router';
import { useAgencyZone, useMe } from '../../app/session';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  type NotificationsQuery,
} from '../../graphql/generated';
import { label, plural } from '../../lib/labels';
import { formatDateTimeIn } from '../../lib/zone';
import { Empty, ErrorNotice, Loading, Success } from '../../ui/feedback';
import { Page } from '../../ui/page';
import { NOTIFICATION_CONTEXT } from './UnreadCount';

export const NOTIFICATIONS_PAGE_SIZE = 20;

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

/** Where a notification points for this reader, or null when nothing it names may be opened any more. */
export function notificationLink(n: Notification, role: string): string | null {
  const appointmentClient = n.appointment?.client?.id;
  if (appointmentClient) return `/clients/${appointmentClient}?tab=appointments`;
  if (n.referral) {
    if (role === 'PARTNER') return `/inbox/${n.referral.id}`;
    if (n.referral.client) return `/clients/${n.referral.client.id}?tab=referrals`;
  }
  if (n.client) return `/clients/${n.client.id}`;
  return null;
}

/** The client a notification is about, by name, when the reader may still see them (in the app only: e-mail never names a client). */
export function notificationClientName(n: Notification): string | null {
  return n.appointment?.client?.displayName ?? n.referral?.client?.displayName ?? n.client?.displayName ?? null;
}

export function NotificationsPage() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [notice, setNotice] = useState<string | null>(null);
  const [all, markAll] = useMutation(MarkAllNotificationsReadDocument);
  // Bumped after "Mark all read": the list's pages mount afresh, which tears down any
  // answer still on its way from before (it could arrive after the fresh one and show
  // read notifications as unread) and asks again.
  const [generation, setGeneration] = useState(0);
  const markAllRead = () =>
    void markAll({}, NOTIFICATION_CONTEXT).then((r) => {
      if (!r.error) setGeneration((g) => g + 1);
      if (!r.error)
        setNotice(
          r.data?.markAllNotificationsRead
            ? `${plural(r.data.markAllNotificationsRead, 'notification')} marked read.`
            : 'Nothing was unread.',
        );
    });
  return (
    <Page
      title="Notifications"
      actions={
        <button type="button" className="button secondary" onClick={markAllRead} disabled={all.fetching}>
          {all.fetching ? 'Marking…' : 'Mark all read'}
        </button>
      }
    >
      {notice ? <Success>{notice}</Success> : null}
      {all.error ? (
        <p className="notice error" role="alert">
          {messageOf(all.error)}
        </p>
      ) : null}
      <ol className="notification-list" aria-label="Notifications, newest first">
        {cursors.map((after, i) => (
          <NotificationChunk
            key={`${generation}:${after ?? 'first'}`}
            after={after}
            first={i === 0}
            last={i === cursors.length - 1}
            onMore={(endCursor) => setCursors([...cursors, endCursor])}
          />
        ))}
      </ol>
    </Page>
  );
}

function NotificationChunk({
  after,
  first,
  last,
  onMore,
}: {
  after: string | null;
  first: boolean;
  last: boolean;
  onMore(endCursor: string): void;
}) {
  const [result, refetch] = useQuery({
    query: NotificationsDocument,
    variables: { first: NOTIFICATIONS_PAGE_SIZE, after },
    context: NOTIFICATION_CONTEXT,
  });
  if (!result.data) {
    return (
      <li>
        {result.error ? (
          <ErrorNotice error={result.error} what="the notifications" onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Loading label="Loading the notifications" />
        )}
      </li>
    );
  }
  const { edges, pageInfo, unreadCount, totalCount } = result.data.notifications;
  return (
    <>
      {first ? (
        <li className="notification-summary">
          {totalCount === 0 ? (
            <Empty>No notifications yet. Referral answers, reminders and appointments will appear here.</Empty>
          ) : (
            <span role="status">{`${plural(totalCount, 'notification')}, ${unreadCount} unread.`}</span>
          )}
        </li>
      ) : null}
      {edges.map(({ node }) => (
        <NotificationItem key={node.id} notification={node} />
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <li className="notification-more">
          <button type="button" className="button secondary" onClick={() => onMore(pageInfo.endCursor as string)}>
            Load more
          </button>
        </li>
      ) : null}
    </>
  );
}

function NotificationItem({ notification: n }: { notification: Notification }) {
  const me = useMe();
  const zone = useAgencyZone();
  const [result, mark] = useMutation(MarkNotificationsReadDocument);
  const unread = !n.readAt;
  const markRead = () => void mark({ ids: [n.id] }, NOTIFICATION_CONTEXT);
  const to = notificationLink(n, me.role);
  const clientName = notificationClientName(n);
  return (
    <li className={`notification ${unread ? 'unread' : ''}`}>
      <p className="notification-head">
        {unread ? <span className="badge badge-unread">Unread</span> : <span className="visually-hidden">Read.</span>}{' '}
        <span className="small">
          {label(n.kind)} · <time dateTime={n.createdAt}>{formatDateTimeIn(n.createdAt, zone)}</time>
        </span>
      </p>
      <p className="notification-message">
        {to ? (
          <Link to={to} onClick={unread ? markRead : undefined}>
            {n.message}
            {clientName ? <span className="notification-client"> · {clientName}</span> : null}
          </Link>
        ) : (
          <>
            {n.message} <span className="small muted">(You can no longer open what it refers to.)</span>
          </>
        )}
      </p>
      {unread ? (
        <button type="button" className="button link small" onClick={markRead} disabled={result.fetching}>
          Mark read<span className="visually-hidden">: {n.message}</span>
        </button>
      ) : null}
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </li>
  );
}
