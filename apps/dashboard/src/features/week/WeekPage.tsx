/**
 * The caller's week of appointments, Monday to Sunday in the agency's time
 * zone, today marked; the week shown lives in the address (`?week=` its
 * Monday), so that it can be bookmarked and Back works.
 */
import { useQuery } from 'urql';
import { Link, useRouter } from '../../app/router';
import { useAgencyZone } from '../../app/session';
import { MyWeekDocument, type MyWeekQuery } from '../../graphql/generated';
import { isIsoDate } from '../../lib/dates';
import { label } from '../../lib/labels';
import { withQuery } from '../../lib/routes';
import { addDays, dateInZone, formatDay, formatTime, mondayOf, todayInZone, weekOf, weekWindow } from '../../lib/zone';
import { Badge } from '../../ui/badges';
import { QueryView } from '../../ui/feedback';
import { Page } from '../../ui/page';

type Appointment = MyWeekQuery['myAppointments']['edges'][number]['node'];

export function WeekPage() {
  const { search, navigate } = useRouter();
  const zone = useAgencyZone();
  const today = todayInZone(zone);
  const asked = search.get('week');
  const monday = mondayOf(asked && isIsoDate(asked) ? asked : today);
  const days = weekOf(monday);
  const [result, refetch] = useQuery({ query: MyWeekDocument, variables: { ...weekWindow(monday, zone), after: null } });
  const go = (to: string) => navigate(withQuery('/week', { week: to === mondayOf(today) ? null : to }));
  const byDay = new Map<string, Appointment[]>(days.map((d) => [d, []]));
  for (const { node } of result.data?.myAppointments.edges ?? []) byDay.get(dateInZone(new Date(node.startsAt), zone))?.push(node);
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Page
      title="My week"
      subtitle={
        <span>
          {formatDay(days[0])} to {formatDay(days[6])} · times in {zone.replace(/_/g, ' ')}
        </span>
      }
    >
      <nav className="button-row week-nav" aria-label="Weeks">
        <button type="button" className="button secondary small" onClick={() => go(addDays(monday, -7))}>
          Previous week
        </button>
        <button type="button" className="button secondary small" onClick={() => go(mondayOf(today))} disabled={days.includes(today)}>
          This week
        </button>
        <button type="button" className="button secondary small" onClick={() => go(addDays(monday, 7))}>
          Next week
        </button>
      </nav>
      <QueryView result={result} what="your appointments" retry={() => refetch({ requestPolicy: 'network-only' })}>
        {(data) => (
          <>
            <p role="status" className="small">
              {data.myAppointments.totalCount === 0
                ? 'No appointments this week.'
                : `${data.myAppointments.totalCount} appointment${data.myAppointments.totalCount === 1 ? '' : 's'} this week.`}
              {data.myAppointments.pageInfo.hasNextPage ? ` The first ${data.myAppointments.edges.length} are shown.` : ''}
            </p>
            <ol className="week">
              {days.map((day) => (
                <li key={day} className={`week-day ${day === today ? 'today' : ''}`} aria-current={day === today ? 'date' : undefined}>
                  <h2 className="week-day-name">
                    {formatDay(day)}
                    {day === today ? <span className="badge badge-today">Today</span> : null}
                  </h2>
                  {byDay.get(day)?.length ? (
                    <ul className="week-appointments">
                      {byDay.get(day)?.map((a) => (
                        <WeekAppointment key={a.id} appointment={a} zone={zone} />
                      ))}
                    </ul>
                  ) : (
                    <p className="small muted">Nothing scheduled</p>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryView>
    </Page>
  );
}

function WeekAppointment({ appointment: a, zone }: { appointment: Appointment; zone: string }) {
  return (
    <li className={`week-appointment status-${a.status.toLowerCase()}`}>
      <p>
        <strong>
          <time dateTime={a.startsAt}>{formatTime(a.startsAt, zone)}</time>–<time dateTime={a.endsAt}>{formatTime(a.endsAt, zone)}</time>
        </strong>{' '}
        <Badge value={a.status} />
      </p>
      <p>
        {label(a.kind)}
        {a.client ? (
          <>
            {' with '}
            <Link to={`/clients/${a.client.id}?tab=appointments`}>{a.client.displayName}</Link>
          </>
        ) : (
          <span className="muted"> (client not available)</span>
        )}
      </p>
      <p className="small">{a.purpose}</p>
      {a.place ? <p className="small">Where: {a.place}</p> : null}
    </li>
  );
}
