import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseReferralFragment, ReferralStatus } from '../../graphql/generated';
import { toZoneInput } from '../../lib/zone';
import { seriousViolations } from '../../testing/axe';
import { CLIENT_ID, profile } from '../../testing/fixtures';
import { type Handler, fakeGateway, renderApp } from '../../testing/harness';
import { DAY, HOUR, appointment, clientAppointments } from '../../testing/week';

const ZONE = 'America/Halifax';
const PATH = `/clients/${CLIENT_ID}?tab=appointments`;
const base: Record<string, Handler> = { ClientProfile: () => ({ data: profile() }) };

function referral(id: string, status: ReferralStatus, service: string): CaseReferralFragment {
  return {
    id,
    status,
    urgency: 'ROUTINE',
    need: 'Food',
    necessaryRationale: 'Needed',
    appropriateRationale: 'Close by',
    paidByContract: false,
    createdAt: new Date(Date.now() - 10 * DAY).toISOString(),
    sentAt: new Date(Date.now() - 9 * DAY).toISOString(),
    respondBy: null,
    declineReason: null,
    outcome: null,
    followUpAt: null,
    referredBy: { displayName: 'Casey Morgan' },
    goal: null,
    service: { id: `s-${id}`, name: service, organization: { id: 'org-n', name: 'Northside Food Bank' } },
    history: [],
  };
}

function item(text: RegExp): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: text }).closest('li') as HTMLElement;
}

describe('appointments in the client file', () => {
  it('lists them with status, place and missed ones counted; attendance only from the start', async () => {
    const past = appointment(1, { startsAt: new Date(Date.now() - HOUR).toISOString(), purpose: 'Resume review' });
    const future = appointment(2, { purpose: 'Interview practice', kind: 'VIDEO', place: 'https://meet.example.org/x' });
    const gone = appointment(3, { status: 'CANCELLED', purpose: 'Old one', statusReason: 'Client is sick' });
    const gateway = fakeGateway({ ...base, ClientAppointments: () => ({ data: clientAppointments([past, future, gone], 2) }) });
    const { container } = renderApp({ path: PATH, as: 'casey', gateway });
    expect(await screen.findByText('Missed 2 appointments in the last 90 days.')).toBeTruthy();
    const now = within(item(/In person\W+Scheduled/));
    expect(now.getByRole('button', { name: 'Attended' })).toBeTruthy();
    const later = within(item(/Video/));
    expect(later.queryByRole('button', { name: 'Attended' })).toBeNull();
    expect(later.getByText(/Attendance can be recorded from/)).toBeTruthy();
    expect(later.getByText(/Where: https:\/\/meet.example.org\/x/)).toBeTruthy();
    const cancelled = within(item(/Cancelled/));
    expect(cancelled.getByText(/Cancelled: Client is sick/)).toBeTruthy();
    expect(cancelled.queryByRole('button')).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('checks the rules before sending, then schedules; an overlap is named and can be accepted', async () => {
    let calls = 0;
    const gateway = fakeGateway({
      ...base,
      ClientAppointments: () => ({ data: clientAppointments([]) }),
      ScheduleAppointment: (v) => {
        calls += 1;
        const input = v.input as { allowOverlap: boolean };
        if (!input.allowOverlap)
          return {
            errors: [
              {
                message: 'Overlaps the scheduled IN_PERSON appointment appointment-9; choose another time or allow the overlap',
                // As the gateway passes it on: the code only, the other appointment named in the message.
                extensions: { code: 'CONFLICT' },
              },
            ],
          };
        return { data: { scheduleAppointment: appointment(calls) } };
      },
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule an appointment' }));
    const start = new Date(Date.now() + 2 * DAY);
    fireEvent.change(screen.getByLabelText(/^Starts/), { target: { value: toZoneInput(start, ZONE) } });
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: toZoneInput(new Date(start.getTime() + 9 * HOUR), ZONE) } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule the appointment' }));
    expect(await screen.findByText('An appointment lasts at most 8 hours.')).toBeTruthy();
    expect(screen.getByText('The purpose is required.')).toBeTruthy();
    expect(gateway.called('ScheduleAppointment')).toHaveLength(0);

    const end = new Date(start.getTime() + HOUR);
    fireEvent.change(screen.getByLabelText(/^Ends/), { target: { value: toZoneInput(end, ZONE) } });
    fireEvent.change(screen.getByLabelText(/^Purpose/), { target: { value: 'Interview practice' } });
    fireEvent.change(screen.getByLabelText(/^Place/), { target: { value: 'Room 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule the appointment' }));
    expect(await screen.findByText(/Overlaps the scheduled IN_PERSON appointment appointment-9/)).toBeTruthy();
    const first = gateway.called('ScheduleAppointment')[0].variables.input as Record<string, unknown>;
    expect(first).toEqual({
      clientId: CLIENT_ID,
      kind: 'IN_PERSON',
      startsAt: new Date(Math.floor(start.getTime() / 60_000) * 60_000).toISOString(),
      endsAt: new Date(Math.floor(end.getTime() / 60_000) * 60_000).toISOString(),
      place: 'Room 2',
      purpose: 'Interview practice',
      referralId: null,
      allowOverlap: false,
      clientMutationId: expect.any(String),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule anyway' }));
    expect(await screen.findByText('The appointment was scheduled.')).toBeTruthy();
    const second = gateway.called('ScheduleAppointment')[1].variables.input as Record<string, unknown>;
    expect(second).toEqual({ ...first, allowOverlap: true });
  });

  it('reschedules with a reason, and reloads with a message when the appointment changed meanwhile', async () => {
    let version = 1;
    const gateway = fakeGateway({
      ...base,
      ClientAppointments: () => ({ data: clientAppointments([appointment(1, { version })]) }),
      RescheduleAppointment: (v) => {
        const input = v.input as { expectedVersion: number };
        version = 2;
        return {
          errors: [
            {
              message: `The appointment changed since you read it (version 2, not ${input.expectedVersion}); read it again`,
              extensions: { code: 'CONFLICT', field: 'expectedVersion' },
            },
          ],
        };
      },
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: /^Reschedule/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Reschedule' }));
    expect(await screen.findByText('The reason is required.')).toBeTruthy();
    expect(gateway.called('RescheduleAppointment')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Reason for the change/), { target: { value: 'Client asked for the afternoon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reschedule' }));
    expect(await screen.findByText(/changed since you opened it and was reloaded/)).toBeTruthy();
    expect((gateway.called('RescheduleAppointment')[0].variables.input as { expectedVersion: number }).expectedVersion).toBe(1);
    await waitFor(() => expect(gateway.called('ClientAppointments').length).toBeGreaterThan(1));
    expect(screen.queryByRole('button', { name: 'Reschedule anyway' })).toBeNull();
  });

  it('cancels with a reason, and records that the client did not come', async () => {
    const started = appointment(1, { startsAt: new Date(Date.now() - 30 * 60_000).toISOString(), version: 4 });
    const gateway = fakeGateway({
      ...base,
      ClientAppointments: () => ({ data: clientAppointments([started]) }),
      CancelAppointment: () => ({
        errors: [{ message: 'reason must not be blank', extensions: { code: 'BAD_USER_INPUT', field: 'reason' } }],
      }),
      RecordAttendance: () => ({ data: { recordAttendance: { ...started, status: 'NO_SHOW', version: 5 } } }),
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: /^Cancel the appointment of/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the appointment' }));
    expect(await screen.findByText('The reason is required.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Reason for cancelling/), { target: { value: ' x ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the appointment' }));
    expect(await screen.findByText('Must not be blank.')).toBeTruthy();
    expect(gateway.called('CancelAppointment')[0].variables).toEqual({ appointmentId: started.id, expectedVersion: 4, reason: 'x' });

    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'No answer by phone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Did not attend' }));
    expect(await screen.findByText('Recorded: the client did not attend.')).toBeTruthy();
    expect(gateway.called('RecordAttendance')[0].variables).toEqual({
      appointmentId: started.id,
      expectedVersion: 4,
      outcome: 'NO_SHOW',
      note: 'No answer by phone',
    });
  });

  it('asks a partner visit for its accepted or started referral, and offers only those', async () => {
    const gateway = fakeGateway({
      ...base,
      ClientAppointments: () => ({ data: clientAppointments([]) }),
      ClientReferrals: () => ({
        data: {
          client: {
            id: CLIENT_ID,
            displayName: 'Dana Fontaine',
            referrals: [
              referral('r-1', 'ACCEPTED', 'Emergency Food Hamper'),
              referral('r-2', 'DECLINED', 'Weekly Food Pantry'),
              referral('r-3', 'IN_PROGRESS', 'Community Kitchen'),
            ],
          },
        },
      }),
      ScheduleAppointment: () => ({ data: { scheduleAppointment: appointment(1, { kind: 'PARTNER_VISIT' }) } }),
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule an appointment' }));
    expect(gateway.called('ClientReferrals')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Kind/), { target: { value: 'PARTNER_VISIT' } });
    const select = (await screen.findByLabelText(/^Referral/)) as HTMLSelectElement;
    await waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toEqual([
        'Choose…',
        'Emergency Food Hamper (Northside Food Bank)',
        'Community Kitchen (Northside Food Bank)',
      ]),
    );
    fireEvent.change(screen.getByLabelText(/^Purpose/), { target: { value: 'Pick up the hamper together' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule the appointment' }));
    expect(await screen.findByText('Choose the accepted referral this visit is for.')).toBeTruthy();
    expect(gateway.called('ScheduleAppointment')).toHaveLength(0);
    fireEvent.change(select, { target: { value: 'r-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule the appointment' }));
    expect(await screen.findByText('The appointment was scheduled.')).toBeTruthy();
    expect(gateway.called('ScheduleAppointment')[0].variables.input).toMatchObject({ kind: 'PARTNER_VISIT', referralId: 'r-3' });
  });
});
