/**
 * Scheduling and changing a client's appointments, with the rules surfaced:
 * an overlap is a CONFLICT naming the other appointment, which the person
 * may accept ("anyway" sends `allowOverlap`); a stale version says the
 * appointment changed and reloads it; every change needs a reason. Times
 * are entered on the agency's clock.
 */
import { useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CombinedErrorLike } from '../../api/errors';
import {
  type AppointmentKind,
  AppointmentKindValues,
  CancelAppointmentDocument,
  ClientReferralsDocument,
  RescheduleAppointmentDocument,
  ScheduleAppointmentDocument,
} from '../../graphql/generated';
import { conflictOf, timeErrors } from '../../lib/appointments';
import { label } from '../../lib/labels';
import { collect, maxLength, required } from '../../lib/validation';
import { addDays, fromZoneInput, todayInZone } from '../../lib/zone';
import { FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../ui/fields';
import { useFormSubmit, without } from '../../ui/form';
import { useDraft } from '../../ui/hooks';

export const APPOINTMENT_CONTEXT = { additionalTypenames: ['Appointment'] };
const TIME_FIELDS = ['startsAt', 'endsAt', 'place'];

/** Sends again with `allowOverlap` when the person accepts an overlap the server named. */
function useOverlap() {
  const clicked = useRef(false);
  const armed = useRef(false);
  const [overlap, setOverlap] = useState(false);
  return {
    overlap,
    /** At each submit (before the checks): whether the "anyway" button sent it; any other submit does not. */
    arm: () => {
      armed.current = clicked.current;
      clicked.current = false;
    },
    allow: () => armed.current,
    seen: (error: CombinedErrorLike | undefined) => setOverlap(conflictOf(error) === 'overlap'),
    accept: () => {
      clicked.current = true;
    },
  };
}

function OverlapChoice({ overlap, busy, text, onAccept }: { overlap: boolean; busy: boolean; text: string; onAccept(): void }) {
  if (!overlap) return null;
  return (
    <p className="notice warning">
      Both appointments can stand if that is what you mean.{' '}
      <button type="submit" className="button secondary small" onClick={onAccept} disabled={busy}>
        {text}
      </button>
    </p>
  );
}

export function ScheduleForm({ clientId, zone, onDone }: { clientId: string; zone: string; onDone(): void }) {
  const tomorrow = addDays(todayInZone(zone), 1);
  const [values, setValues, clear] = useDraft(`appointment.${clientId}`, () => ({
    kind: 'IN_PERSON' as AppointmentKind,
    startsAt: `${tomorrow}T10:00`,
    endsAt: `${tomorrow}T11:00`,
    place: '',
    purpose: '',
    referralId: '',
    clientMutationId: globalThis.crypto?.randomUUID?.() ?? `${clientId}-${Date.now()}`,
  }));
  const [referrals] = useQuery({ query: ClientReferralsDocument, variables: { id: clientId }, pause: values.kind !== 'PARTNER_VISIT' });
  const open = (referrals.data?.client?.referrals ?? []).filter((r) => r.status === 'ACCEPTED' || r.status === 'IN_PROGRESS');
  const [, schedule] = useMutation(ScheduleAppointmentDocument);
  const overlap = useOverlap();
  const form = useFormSubmit({
    fields: [...TIME_FIELDS, 'kind', 'purpose', 'referralId'],
    validate: () => {
      overlap.arm();
      return {
        ...timeErrors(fromZoneInput(values.startsAt, zone), fromZoneInput(values.endsAt, zone)),
        ...collect({
          purpose: [required(values.purpose, 'The purpose'), maxLength(values.purpose, 1000)],
          place: [maxLength(values.place, 500)],
          referralId: [
            values.kind === 'PARTNER_VISIT' && !values.referralId ? 'Choose the accepted referral this visit is for.' : undefined,
          ],
        }),
      };
    },
    send: async () => {
      const result = await schedule(
        {
          input: {
            clientId,
            kind: values.kind,
            startsAt: fromZoneInput(values.startsAt, zone) as string,
            endsAt: fromZoneInput(values.endsAt, zone) as string,
            place: values.place.trim() || null,
            purpose: values.purpose.trim(),
            referralId: values.kind === 'PARTNER_VISIT' ? values.referralId : null,
            allowOverlap: overlap.allow(),
            clientMutationId: values.clientMutationId,
          },
        },
        APPOINTMENT_CONTEXT,
      );
      overlap.seen(result.error);
      return result;
    },
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const set = (patch: Partial<typeof values>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Schedule an appointment">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <OverlapChoice overlap={overlap.overlap} busy={form.busy} text="Schedule anyway" onAccept={overlap.accept} />
      <div className="grid-2">
        <SelectField
          name="kind"
          label="Kind"
          required
          value={values.kind}
          onChange={(kind) => set({ kind: kind as AppointmentKind })}
          options={AppointmentKindValues.map((k) => ({ value: k, label: label(k) }))}
          error={form.errors.kind}
        />
        {values.kind === 'PARTNER_VISIT' ? (
          <SelectField
            name="referralId"
            label="Referral"
            required
            value={values.referralId}
            onChange={(referralId) => set({ referralId })}
            placeholder={open.length ? 'Choose…' : 'No accepted referral'}
            options={open.map((r) => ({ value: r.id, label: `${r.service?.name ?? 'Service'} (${r.service?.organization?.name ?? '—'})` }))}
            error={form.errors.referralId}
            hint="A partner visit follows an accepted or started referral."
          />
        ) : null}
      </div>
      <TimeFields values={values} zone={zone} errors={form.errors} set={set} />
      <TextArea
        name="purpose"
        label="Purpose"
        required
        rows={2}
        value={values.purpose}
        onChange={(purpose) => set({ purpose })}
        error={form.errors.purpose}
      />
      <SubmitButton busy={form.busy}>Schedule the appointment</SubmitButton>
    </form>
  );
}

function TimeFields({
  values,
  zone,
  errors,
  set,
}: {
  values: { startsAt: string; endsAt: string; place: string };
  zone: string;
  errors: Record<string, string>;
  set(patch: Partial<{ startsAt: string; endsAt: string; place: string }>): void;
}) {
  const hint = `On the agency’s clock (${zone.replace(/_/g, ' ')}).`;
  return (
    <>
      <div className="grid-2">
        <TextField
          name="startsAt"
          type="datetime-local"
          label="Starts"
          required
          value={values.startsAt}
          onChange={(startsAt) => set({ startsAt })}
          error={errors.startsAt}
          hint={hint}
        />
        <TextField
          name="endsAt"
          type="datetime-local"
          label="Ends"
          required
          value={values.endsAt}
          onChange={(endsAt) => set({ endsAt })}
          error={errors.endsAt}
          hint="At most 8 hours after the start."
        />
      </div>
      <TextField
        name="place"
        label="Place"
        value={values.place}
        onChange={(place) => set({ place })}
        error={errors.place}
        hint="An address, a room, a phone number or a video link."
      />
    </>
  );
}

export interface Changeable {
  id: string;
  version: number;
  startsAt: string;
  endsAt: string;
  place: string | null;
}

/** Sends a versioned change; a stale version reloads the list and says so. */
function staleAware(onStale: () => void) {
  return <R extends { error?: CombinedErrorLike }>(result: R): R => {
    if (conflictOf(result.error) === 'stale') onStale();
    return result;
  };
}

export function RescheduleForm({
  appointment,
  initial,
  zone,
  onStale,
  onDone,
}: {
  appointment: Changeable;
  initial: { startsAt: string; endsAt: string };
  zone: string;
  onStale(): void;
  onDone(): void;
}) {
  const [values, setValues, clear] = useDraft(`reschedule.${appointment.id}`, () => ({
    ...initial,
    place: appointment.place ?? '',
    reason: '',
  }));
  const [, reschedule] = useMutation(RescheduleAppointmentDocument);
  const overlap = useOverlap();
  const checked = staleAware(onStale);
  const form = useFormSubmit({
    fields: [...TIME_FIELDS, 'reason'],
    validate: () => {
      overlap.arm();
      return {
        ...timeErrors(fromZoneInput(values.startsAt, zone), fromZoneInput(values.endsAt, zone)),
        ...collect({
          reason: [required(values.reason, 'The reason'), maxLength(values.reason, 1000)],
          place: [maxLength(values.place, 500)],
        }),
      };
    },
    send: async () => {
      const result = checked(
        await reschedule(
          {
            input: {
              appointmentId: appointment.id,
              expectedVersion: appointment.version,
              startsAt: fromZoneInput(values.startsAt, zone) as string,
              endsAt: fromZoneInput(values.endsAt, zone) as string,
              place: values.place.trim() || null,
              reason: values.reason.trim(),
              allowOverlap: overlap.allow(),
            },
          },
          APPOINTMENT_CONTEXT,
        ),
      );
      overlap.seen(result.error);
      return result;
    },
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const set = (patch: Partial<typeof values>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Reschedule the appointment">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <OverlapChoice overlap={overlap.overlap} busy={form.busy} text="Reschedule anyway" onAccept={overlap.accept} />
      <TimeFields values={values} zone={zone} errors={form.errors} set={set} />
      <TextField
        name="reason"
        label="Reason for the change"
        required
        value={values.reason}
        onChange={(reason) => set({ reason })}
        error={form.errors.reason}
      />
      <SubmitButton busy={form.busy}>Reschedule</SubmitButton>
    </form>
  );
}

export function CancelForm({ appointment, onStale, onDone }: { appointment: Changeable; onStale(): void; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [, cancel] = useMutation(CancelAppointmentDocument);
  const checked = staleAware(onStale);
  const form = useFormSubmit({
    fields: ['reason'],
    strip: /^(input\.)?/,
    validate: () => collect({ reason: [required(reason, 'The reason'), maxLength(reason, 1000)] }),
    send: async () =>
      checked(
        await cancel({ appointmentId: appointment.id, expectedVersion: appointment.version, reason: reason.trim() }, APPOINTMENT_CONTEXT),
      ),
    onSuccess: () => onDone(),
  });
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Cancel the appointment">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <TextField
        name="reason"
        label="Reason for cancelling"
        required
        value={reason}
        onChange={(r) => {
          setReason(r);
          form.setErrors((e) => without(e, 'reason'));
        }}
        error={form.errors.reason}
      />
      <SubmitButton busy={form.busy} busyLabel="Cancelling…">
        Cancel the appointment
      </SubmitButton>
    </form>
  );
}
