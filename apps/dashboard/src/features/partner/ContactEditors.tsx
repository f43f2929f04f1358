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
  type DirectoryOwnerInput,
  type HoursFragment,
  type PhoneLineFragment,
  RemovePhoneDocument,
  RemoveScheduleDocument,
  UpdatePhoneDocument,
} from '../../graphql/generated';
import { describeSchedule, isPlainWeekly } from '../../lib/hours';
import { PHONE_TYPES, describePhoneFully } from '../../lib/phones';
import { collect, maxLength, phone, required } from '../../lib/validation';
import { Disclosure } from '../../ui/disclosure';
import { FormProblems, SelectField, SubmitButton, TextField } from '../../ui/fields';
import { useFormSubmit } from '../../ui/form';
import { CONTACT_CHANGED as CHANGED, ScheduleForm } from './ServiceForms';

/** A button's text with the words that name it apart for screen readers, e.g. "Change" + "the hours … of Weekly Food Pantry". */
export function named(text: string, hidden: string): ReactNode {
  return (
    <>
      {text}
      <span className="visually-hidden"> {hidden}</span>
    </>
  );
}

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
        <Disclosure label={named('Change', what)} openLabel={named('Cancel', `the change of ${what}`)}>
          {change}
        </Disclosure>
      ) : null}
      <FormProblems message={error} />
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
      <Disclosure label={named('Add hours', `of ${where}`)} openLabel={named('Cancel', `the new hours of ${where}`)}>
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
      <Disclosure label={named('Add a phone', `to ${where}`)} openLabel={named('Cancel', `the new phone of ${where}`)}>
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
        {(['number', 'extension'] as const).map((name) => (
          <TextField
            key={name}
            name={name}
            type={name === 'number' ? 'tel' : 'text'}
            label={name === 'number' ? 'Number' : 'Extension'}
            required={name === 'number'}
            value={values[name]}
            onChange={set(name)}
            error={form.errors[name]}
          />
        ))}
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
