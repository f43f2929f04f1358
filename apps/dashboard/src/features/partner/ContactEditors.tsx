/**
 * A partner's edits of opening hours (HSDS schedules) and phone numbers,
 * whatever they belong to: the service, the service at one place, the place,
 * the organization (`owner`, as the API's DirectoryOwnerInput). Each entry
 * can be changed or removed; a new one added. The directory records every
 * change (HSDS metadata and the audit trail).
 */
import { type ReactNode, useState } from 'react';
import { useMutation } from 'urql';
import { type CombinedErrorLike, messageOf } from '../../api/errors';
import {
  AddPhoneDocument,
  AddScheduleDocument,
  type DirectoryOwnerInput,
  type HoursFragment,
  type PhoneLineFragment,
  RemovePhoneDocument,
  RemoveScheduleDocument,
  UpdatePhoneDocument,
  UpdateScheduleDocument,
} from '../../graphql/generated';
import { describeSchedule, isPlainWeekly } from '../../lib/hours';
import { PHONE_TYPES, describePhoneFully } from '../../lib/phones';
import { collect, maxLength, phone, required } from '../../lib/validation';
import { Disclosure } from '../../ui/disclosure';
import { CheckboxField, ChoiceGroup, FormProblems, SelectField, SubmitButton, TextField } from '../../ui/fields';
import { useFormSubmit } from '../../ui/form';

const CHANGED = { additionalTypenames: ['Schedule', 'Phone', 'Service', 'Location'] };

const WEEKDAYS = [
  { value: 'MO', label: 'Mon' },
  { value: 'TU', label: 'Tue' },
  { value: 'WE', label: 'Wed' },
  { value: 'TH', label: 'Thu' },
  { value: 'FR', label: 'Fri' },
  { value: 'SA', label: 'Sat' },
  { value: 'SU', label: 'Sun' },
];

/** One entry of a list, with "Change" (a form in place) and "Remove". */
function EntryRow({
  text,
  what,
  change,
  remove,
}: {
  text: string;
  what: string;
  change: ((close: () => void) => ReactNode) | null;
  remove(): Promise<{ error?: CombinedErrorLike }>;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li className="contact-entry">
      <span>{text}</span>{' '}
      <button
        type="button"
        className="button link small"
        onClick={() => void remove().then((r) => (r.error ? setError(messageOf(r.error)) : setError(null)))}
      >
        Remove<span className="visually-hidden"> {what}</span>
      </button>
      {change ? (
        <Disclosure
          label={
            <>
              Change<span className="visually-hidden"> {what}</span>
            </>
          }
          openLabel={
            <>
              Cancel<span className="visually-hidden"> the change of {what}</span>
            </>
          }
        >
          {change}
        </Disclosure>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The hours of one owner, each changeable and removable, and a form to add more. */
export function HoursEditor({
  owner,
  schedules,
  where,
  onChanged,
}: {
  owner: DirectoryOwnerInput;
  schedules: readonly HoursFragment[];
  /** Names the owner for screen readers and notices, e.g. "Weekly Food Pantry at Main site". */
  where: string;
  onChanged(text: string): void;
}) {
  const [, remove] = useMutation(RemoveScheduleDocument);
  return (
    <div className="contact-editor">
      {schedules.length ? (
        <ul className="plain">
          {schedules.map((h) => (
            <EntryRow
              key={h.id}
              text={describeSchedule(h)}
              what={`the hours ${describeSchedule(h)} of ${where}`}
              change={
                isPlainWeekly(h)
                  ? (close) => (
                      <ScheduleForm
                        schedule={h}
                        owner={owner}
                        onDone={() => {
                          close();
                          onChanged(`The hours of ${where} were changed.`);
                        }}
                      />
                    )
                  : null
              }
              remove={() =>
                remove({ id: h.id }, CHANGED).then((r) => {
                  if (!r.error) onChanged(`Hours of ${where} were removed.`);
                  return r;
                })
              }
            />
          ))}
        </ul>
      ) : (
        <p className="muted">No hours listed.</p>
      )}
      <Disclosure
        label={
          <>
            Add hours<span className="visually-hidden"> of {where}</span>
          </>
        }
        openLabel={
          <>
            Cancel<span className="visually-hidden"> the new hours of {where}</span>
          </>
        }
      >
        {(close) => (
          <ScheduleForm
            schedule={null}
            owner={owner}
            onDone={() => {
              close();
              onChanged(`Hours were added to ${where}.`);
            }}
          />
        )}
      </Disclosure>
    </div>
  );
}

function daysOf(schedule: HoursFragment | null): string[] {
  if (!schedule) return ['MO', 'TU', 'WE', 'TH', 'FR'];
  const codes = (schedule.byDay ?? '').split(',').map((d) => d.trim().toUpperCase());
  return schedule.byDay ? WEEKDAYS.map((d) => d.value).filter((d) => codes.includes(d)) : WEEKDAYS.map((d) => d.value);
}

/** Weekly hours: days, opening and closing times (past midnight allowed), a note. Adds to `owner`, or changes `schedule`. */
export function ScheduleForm({ schedule, owner, onDone }: { schedule: HoursFragment | null; owner: DirectoryOwnerInput; onDone(): void }) {
  const [days, setDays] = useState<string[]>(() => daysOf(schedule));
  const [opensAt, setOpensAt] = useState(schedule?.opensAt?.slice(0, 5) ?? '09:00');
  const [closesAt, setClosesAt] = useState(schedule?.closesAt?.slice(0, 5) ?? '17:00');
  const [nextDay, setNextDay] = useState(Boolean(schedule?.opensAt && schedule.closesAt && schedule.closesAt <= schedule.opensAt));
  const [description, setDescription] = useState(schedule?.description ?? '');
  const [, add] = useMutation(AddScheduleDocument);
  const [, update] = useMutation(UpdateScheduleDocument);
  const form = useFormSubmit<unknown>({
    fields: ['byDay', 'opensAt', 'closesAt', 'closesNextDay', 'description'],
    validate: () =>
      collect({
        byDay: [days.length ? undefined : 'Choose at least one day.'],
        opensAt: [/^\d{2}:\d{2}$/.test(opensAt) ? undefined : 'Enter the opening time.'],
        closesAt: [
          /^\d{2}:\d{2}$/.test(closesAt) ? undefined : 'Enter the closing time.',
          !nextDay && closesAt <= opensAt ? 'Closing must be after opening (or tick “closes the next day”).' : undefined,
        ],
        description: [maxLength(description, 10000)],
      }),
    send: () => {
      const input = {
        freq: 'WEEKLY',
        byDay: WEEKDAYS.map((d) => d.value)
          .filter((d) => days.includes(d))
          .join(','),
        opensAt,
        closesAt,
        closesNextDay: nextDay,
        validFrom: schedule?.validFrom ?? null,
        validTo: schedule?.validTo ?? null,
        description: description.trim() || null,
      };
      return schedule ? update({ id: schedule.id, input }, CHANGED) : add({ owner, input }, CHANGED);
    },
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <ChoiceGroup
        legend="Days"
        name="byDay"
        type="checkbox"
        inline
        options={WEEKDAYS}
        value={days}
        onChange={setDays}
        error={form.errors.byDay}
      />
      <div className="grid-3">
        <TextField name="opensAt" type="time" label="Opens" value={opensAt} onChange={setOpensAt} error={form.errors.opensAt} />
        <TextField name="closesAt" type="time" label="Closes" value={closesAt} onChange={setClosesAt} error={form.errors.closesAt} />
        <CheckboxField
          name="closesNextDay"
          label="Closes the next day (past midnight)"
          checked={nextDay}
          onChange={setNextDay}
          error={form.errors.closesNextDay}
        />
      </div>
      <TextField
        name="description"
        label="Note"
        value={description}
        onChange={setDescription}
        error={form.errors.description}
        hint="e.g. “Closed on statutory holidays”"
      />
      <SubmitButton busy={form.busy}>{schedule ? 'Save the hours' : 'Add the hours'}</SubmitButton>
    </form>
  );
}

/** The phone numbers of one owner, each changeable and removable, and a form to add one. */
export function PhonesEditor({
  owner,
  phones,
  where,
  onChanged,
}: {
  owner: DirectoryOwnerInput;
  phones: readonly PhoneLineFragment[];
  where: string;
  onChanged(text: string): void;
}) {
  const [, remove] = useMutation(RemovePhoneDocument);
  return (
    <div className="contact-editor">
      {phones.length ? (
        <ul className="plain">
          {phones.map((p) => (
            <EntryRow
              key={p.id}
              text={describePhoneFully(p)}
              what={`the phone ${p.number} of ${where}`}
              change={(close) => (
                <PhoneForm
                  phone={p}
                  owner={owner}
                  onDone={() => {
                    close();
                    onChanged(`The phone of ${where} was changed.`);
                  }}
                />
              )}
              remove={() =>
                remove({ id: p.id }, CHANGED).then((r) => {
                  if (!r.error) onChanged(`A phone of ${where} was removed.`);
                  return r;
                })
              }
            />
          ))}
        </ul>
      ) : (
        <p className="muted">No phone listed.</p>
      )}
      <Disclosure
        label={
          <>
            Add a phone<span className="visually-hidden"> to {where}</span>
          </>
        }
        openLabel={
          <>
            Cancel<span className="visually-hidden"> the new phone of {where}</span>
          </>
        }
      >
        {(close) => (
          <PhoneForm
            phone={null}
            owner={owner}
            onDone={() => {
              close();
              onChanged(`A phone was added to ${where}.`);
            }}
          />
        )}
      </Disclosure>
    </div>
  );
}

/** A phone number with its extension, kind and note. Adds to `owner`, or changes `phone`. */
export function PhoneForm({
  phone: current,
  owner,
  onDone,
}: {
  phone: PhoneLineFragment | null;
  owner: DirectoryOwnerInput;
  onDone(): void;
}) {
  const [values, setValues] = useState({
    number: current?.number ?? '',
    extension: current?.extension ?? '',
    type: current?.type ?? 'voice',
    description: current?.description ?? '',
  });
  const [, add] = useMutation(AddPhoneDocument);
  const [, update] = useMutation(UpdatePhoneDocument);
  const form = useFormSubmit<unknown>({
    fields: ['number', 'extension', 'type', 'description'],
    validate: () =>
      collect({
        number: [required(values.number, 'The number'), phone(values.number)],
        extension: [/^\d{0,10}$/.test(values.extension.trim()) ? undefined : 'Enter digits only, at most 10.'],
        type: [],
        description: [maxLength(values.description, 500)],
      }),
    send: () => {
      const input = {
        number: values.number.trim(),
        extension: values.extension.trim() || null,
        type: values.type,
        description: values.description.trim() || null,
      };
      return current ? update({ id: current.id, input }, CHANGED) : add({ owner, input }, CHANGED);
    },
    onSuccess: onDone,
  });
  const set = (name: keyof typeof values) => (v: string) => setValues({ ...values, [name]: v });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <div className="grid-2">
        <TextField
          name="number"
          type="tel"
          label="Number"
          required
          value={values.number}
          onChange={set('number')}
          error={form.errors.number}
        />
        <TextField name="extension" label="Extension" value={values.extension} onChange={set('extension')} error={form.errors.extension} />
        <SelectField
          name="type"
          label="Kind"
          value={values.type}
          onChange={set('type')}
          error={form.errors.type}
          options={PHONE_TYPES.map((t) => ({ value: t, label: t.charAt(0).toUpperCase() + t.slice(1) }))}
        />
        <TextField
          name="description"
          label="Note"
          value={values.description}
          onChange={set('description')}
          error={form.errors.description}
          hint="e.g. “Intake line”"
        />
      </div>
      <SubmitButton busy={form.busy}>{current ? 'Save the phone' : 'Add the phone'}</SubmitButton>
    </form>
  );
}
