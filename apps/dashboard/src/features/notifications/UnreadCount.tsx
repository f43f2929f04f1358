/**
 * The unread notification count in the header of every page: a link to the
 * notifications page, asked again every 30 seconds while the tab is visible
 * and at once when notifications are marked read, and read out politely when
 * it changes.
 */
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { UnreadCountDocument } from '../../graphql/generated';

export const UNREAD_POLL_MS = 30_000;
/** Marking read names this typename, so the count (and the list) are asked again. */
export const NOTIFICATION_CONTEXT = { additionalTypenames: ['Notification'] };

export function UnreadCount() {
  const { path } = useRouter();
  const [result, refetch] = useQuery({ query: UnreadCountDocument, context: NOTIFICATION_CONTEXT });
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') refetch({ requestPolicy: 'network-only' });
    }, UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const count = result.data?.notifications.unreadCount;
  const text = count === undefined ? '' : count === 0 ? 'none unread' : `${count} unread`;
  return (
    <Link to="/notifications" className="unread-count" aria-current={path === '/notifications' ? 'page' : undefined}>
      Notifications{' '}
      <span aria-live="polite" className={count ? 'badge badge-unread' : 'small'}>
        {text}
      </span>
    </Link>
  );
}
