/**
 * A client's appointments, soonest upcoming first: schedule one, and for a
 * scheduled one reschedule, cancel or — from its start — record whether the
 * client came. Missed appointments of the last 90 days are counted, as the
 * caseload priority counts them.
 */
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../../api/errors';
import { useAgencyZone } from '../../app/session';
import {
  type AttendanceOutcome,
  type ClientAppointmentsQuery,
  ClientAppointmentsDocument,
  RecordAttendanceDocument,
} from '../../graphql/generated';
import { canRecordAttendance, conflictOf } from '../../lib/appointments';
import { label, plural } from '../../lib/labels';
import { formatDateTimeIn, formatTime, toZoneInput } from '../../lib/zone';
import { Badge } from '../../ui/badges';
import { Disclosure } from '../../ui/disclosure';
import { Empty, QueryView, Success } from '../../ui/feedback';
import { useCursorPages } from '../../ui/hooks';
import { Section } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { APPOINTMENT_CONTEXT, CancelForm, RescheduleForm, ScheduleForm } from './AppointmentForms';

type Appointment = NonNullable<ClientAppointmentsQuery['client']>['appointments']['edges'][number]['node'];

const STALE = 'The appointment changed since you opened it and was reloaded. Check it and try again.';

export function AppointmentsPart({ clientId }: { clientId: string }) {
  const zone = useAgencyZone();
  const pages = useCursorPages(clientId);
  const [result, refetch] = useQuery({
    query: ClientAppointmentsDocument,
    variables: { id: clientId, after: pages.after },
    context: APPOINTMENT_CONTEXT,
  });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const client = result.data?.client;
  const connection = client?.appointments;
  const done = (text: string) => {
    setNotice(text);
    refresh();
  };
  return (
    <Section title="Appointments">
      {notice ? <Success>{notice}</Success> : null}
      {client && client.recentNoShows > 0 ? (
        <p className="notice warning">Missed {plural(client.recentNoShows, 'appointment')} in the last 90 days.</p>
      ) : null}
      <Disclosure label="Schedule an appointment" openLabel="Close the scheduling form">
        {(close) => (
          <ScheduleForm
            clientId={clientId}
            zone={zone}
            onDone={() => {
              close();
              done('The appointment was scheduled.');
            }}
          />
        )}
      </Disclosure>
      <QueryView result={result} what="the appointments" retry={refresh}>
        {() =>
          !connection || connection.edges.length === 0 ? (
            <Empty>No appointments yet.</Empty>
          ) : (
            <>
              <ul className="appointments">
                {connection.edges.map(({ node }) => (
                  <AppointmentRow key={node.id} appointment={node} zone={zone} onChanged={done} onStale={() => done(STALE)} />
                ))}
              </ul>
              <Pager
                page={pages.page}
                hasPrevious={pages.page > 1}
                hasNext={connection.pageInfo.hasNextPage}
                onPrevious={pages.previous}
                onNext={() => pages.next(connection.pageInfo.endCursor)}
                total={connection.totalCount}
                pageSize={20}
                shown={connection.edges.length}
                label="appointments"
              />
            </>
          )
        }
      </QueryView>
    </Section>
  );
}

function AppointmentRow({
  appointment: a,
  zone,
  onChanged,
  onStale,
}: {
  appointment: Appointment;
  zone: string;
  onChanged(text: string): void;
  onStale(): void;
}) {
  const when = `${formatDateTimeIn(a.startsAt, zone)}–${formatTime(a.endsAt, zone)}`;
  return (
    <li className="appointment">
      <h3 className="appointment-title">
        <time dateTime={a.startsAt}>{when}</time> · {label(a.kind)} <Badge value={a.status} />
      </h3>
      <p>{a.purpose}</p>
      <p className="small">
        {a.place ? `Where: ${a.place}. ` : ''}With {a.staffMember?.displayName ?? 'a staff member'}.
        {a.statusReason ? ` ${label(a.status)}: ${a.statusReason}` : ''}
      </p>
      {a.status === 'SCHEDULED' ? (
        <div className="appointment-actions">
          <Disclosure
            label={
              <>
                Reschedule<span className="visually-hidden"> the appointment of {when}</span>
              </>
            }
            openLabel="Keep the time"
          >
            {(close) => (
              <RescheduleForm
                appointment={a}
                zone={zone}
                initial={{ startsAt: toZoneInput(new Date(a.startsAt), zone), endsAt: toZoneInput(new Date(a.endsAt), zone) }}
                onStale={() => {
                  close();
                  onStale();
                }}
                onDone={() => {
                  close();
                  onChanged('The appointment was rescheduled.');
                }}
              />
            )}
          </Disclosure>
          <Disclosure
            label={
              <>
                Cancel<span className="visually-hidden"> the appointment of {when}</span>
              </>
            }
            openLabel="Keep the appointment"
          >
            {(close) => (
              <CancelForm
                appointment={a}
                onStale={() => {
                  close();
                  onStale();
                }}
                onDone={() => {
                  close();
                  onChanged('The appointment was cancelled.');
                }}
              />
            )}
          </Disclosure>
        </div>
      ) : null}
      {a.status === 'SCHEDULED' ? <Attendance appointment={a} zone={zone} onStale={onStale} onDone={onChanged} /> : null}
    </li>
  );
}

function Attendance({
  appointment: a,
  zone,
  onStale,
  onDone,
}: {
  appointment: Appointment;
  zone: string;
  onStale(): void;
  onDone(text: string): void;
}) {
  const [note, setNote] = useState('');
  const [result, record] = useMutation(RecordAttendanceDocument);
  if (!canRecordAttendance(a))
    return <p className="small muted">Attendance can be recorded from {formatTime(a.startsAt, zone)} on the day.</p>;
  const send = (outcome: AttendanceOutcome) =>
    void record({ appointmentId: a.id, expectedVersion: a.version, outcome, note: note.trim() || null }, APPOINTMENT_CONTEXT).then((r) => {
      if (conflictOf(r.error) === 'stale') onStale();
      else if (!r.error) onDone(outcome === 'ATTENDED' ? 'Recorded: the client attended.' : 'Recorded: the client did not attend.');
    });
  return (
    <fieldset className="attendance">
      <legend>Did the client come?</legend>
      <div className="field">
        <label htmlFor={`attendance-note-${a.id}`}>Note (optional)</label>
        <input id={`attendance-note-${a.id}`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="button secondary small" disabled={result.fetching} onClick={() => send('ATTENDED')}>
        Attended
      </button>{' '}
      <button type="button" className="button secondary small" disabled={result.fetching} onClick={() => send('NO_SHOW')}>
        Did not attend
      </button>
      {result.error && conflictOf(result.error) !== 'stale' ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </fieldset>
  );
}
