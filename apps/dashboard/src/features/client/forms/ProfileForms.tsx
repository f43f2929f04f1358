/** Small changes to the case record from the overview: contact preference, key dates, next follow-up. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { ScheduleFollowUpDocument, SetKeyDatesDocument, UpdateContactPreferenceDocument } from '../../../graphql/generated';
import { fromLocalInput, isIsoDate, toLocalInput } from '../../../lib/dates';
import { maxLength, required } from '../../../lib/validation';
import { FormProblems, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';
import { type ContactValues, ContactFields, contactErrors, contactInput } from './ContactFields';

export function ContactForm({ clientId, initial, onDone }: { clientId: string; initial: ContactValues; onDone(): void }) {
  const [values, setValues, clear] = useDraft(`contact.${clientId}`, initial);
  const [, update] = useMutation(UpdateContactPreferenceDocument);
  const form = useFormSubmit({
    fields: ['method', 'phone', 'email', 'publicGreeting', 'notes'],
    validate: () => contactErrors(values),
    send: () => update({ clientId, input: contactInput(values) }),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <ContactFields values={values} onChange={setValues} errors={form.errors} />
      <SubmitButton busy={form.busy}>Save contact preferences</SubmitButton>
    </form>
  );
}

interface KeyDateRow {
  label: string;
  date: string;
}

export function KeyDatesForm({ clientId, initial, onDone }: { clientId: string; initial: KeyDateRow[]; onDone(): void }) {
  const [rows, setRows, clear] = useDraft<KeyDateRow[]>(`keydates.${clientId}`, initial.length ? initial : [{ label: '', date: '' }]);
  const [, save] = useMutation(SetKeyDatesDocument);
  const fields = rows.flatMap((_, i) => [`keyDates[${i}].label`, `keyDates[${i}].date`]);
  const filled = rows.filter((r) => r.label.trim() || r.date);
  const form = useFormSubmit({
    fields: [...fields, 'keyDates'],
    strip: /^$/,
    validate: () => {
      const e: Record<string, string | undefined> = {};
      rows.forEach((r, i) => {
        if (!r.label.trim() && !r.date) return;
        e[`keyDates[${i}].label`] = required(r.label, 'What the date is') ?? maxLength(r.label, 200);
        e[`keyDates[${i}].date`] = !r.date ? 'Enter the date.' : isIsoDate(r.date) ? undefined : 'Enter a date.';
      });
      if (filled.length > 20) e.keyDates = 'Keep at most 20 key dates.';
      return e;
    },
    send: () => save({ clientId, keyDates: filled.map((r) => ({ label: r.label.trim(), date: r.date })) }),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError ?? form.errors.keyDates} fieldCount={form.fieldCount} />
      {rows.map((r, i) => (
        <fieldset key={i} className="row-fields">
          <legend className="visually-hidden">Key date {i + 1}</legend>
          <TextField
            name={`label-${i}`}
            label="What"
            value={r.label}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, label: v } : x)))}
            error={form.errors[`keyDates[${i}].label`]}
            hint={i === 0 ? 'e.g. “EI claim ends”' : undefined}
          />
          <TextField
            name={`date-${i}`}
            type="date"
            label="Date"
            value={r.date}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, date: v } : x)))}
            error={form.errors[`keyDates[${i}].date`]}
          />
          <button type="button" className="button link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> key date {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button secondary" onClick={() => setRows([...rows, { label: '', date: '' }])}>
          Add a key date
        </button>
        <SubmitButton busy={form.busy}>Save key dates</SubmitButton>
      </div>
    </form>
  );
}

export function FollowUpForm({ clientId, current, onDone }: { clientId: string; current: string | null; onDone(): void }) {
  const [value, setValue] = useState(() => {
    const base = current && new Date(current).getTime() > Date.now() ? new Date(current) : new Date(Date.now() + 7 * 86_400_000);
    base.setSeconds(0, 0);
    return toLocalInput(base);
  });
  const [, schedule] = useMutation(ScheduleFollowUpDocument);
  const form = useFormSubmit({
    fields: ['at'],
    strip: /^$/,
    validate: () => {
      const at = fromLocalInput(value);
      if (!at) return { at: 'Enter the date and time of the follow-up.' };
      if (new Date(at).getTime() < Date.now() - 60_000) return { at: 'The follow-up must not be in the past.' };
      return {};
    },
    send: () => schedule({ clientId, at: fromLocalInput(value) as string }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form inline-form">
      <FormProblems message={form.formError} />
      <TextField name="at" type="datetime-local" label="Next follow-up" required value={value} onChange={setValue} error={form.errors.at} />
      <SubmitButton busy={form.busy}>Schedule follow-up</SubmitButton>
    </form>
  );
}
