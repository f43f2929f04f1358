/** Writing a case note, or an amendment that corrects an earlier one (notes are never edited). */
import { useMutation } from 'urql';
import { AddCaseNoteDocument, type ContactType, ContactTypeValues } from '../../../graphql/generated';
import { fromLocalInput, toLocalInput } from '../../../lib/dates';
import { label } from '../../../lib/labels';
import { collect, maxLength, notFuture, required } from '../../../lib/validation';
import { CheckboxField, FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../../ui/fields';
import { useFormSubmit, without } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

export const NOTE_MAX = 20_000;

export function NoteForm({
  clientId,
  amends,
  onDone,
}: {
  clientId: string;
  amends?: { id: string; contactType: ContactType; occurredAt: string; sensitive: boolean };
  onDone(): void;
}) {
  const [values, setValues, clear] = useDraft(amends ? `amend.${amends.id}` : `note.${clientId}`, () => ({
    occurredAt: amends ? toLocalInput(new Date(amends.occurredAt)) : toLocalInput(new Date()),
    contactType: (amends?.contactType ?? '') as ContactType | '',
    body: '',
    sensitive: amends?.sensitive ?? false,
  }));
  const [, add] = useMutation(AddCaseNoteDocument);
  const form = useFormSubmit({
    fields: ['occurredAt', 'contactType', 'body', 'sensitive', 'amendsNoteId'],
    validate: () =>
      collect({
        occurredAt: [
          fromLocalInput(values.occurredAt) ? undefined : 'Enter when the contact happened.',
          notFuture(fromLocalInput(values.occurredAt)),
        ],
        contactType: [values.contactType ? undefined : 'Choose the kind of contact.'],
        body: [required(values.body, amends ? 'The correction' : 'The note'), maxLength(values.body, NOTE_MAX)],
      }),
    send: () =>
      add({
        input: {
          clientId,
          occurredAt: fromLocalInput(values.occurredAt) as string,
          contactType: values.contactType as ContactType,
          body: values.body.trim(),
          sensitive: values.sensitive,
          amendsNoteId: amends?.id ?? null,
        },
      }),
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
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <div className="grid-2">
        <TextField
          name="occurredAt"
          type="datetime-local"
          label="When"
          required
          value={values.occurredAt}
          onChange={(occurredAt) => set({ occurredAt })}
          error={form.errors.occurredAt}
        />
        <SelectField
          name="contactType"
          label="Contact"
          required
          value={values.contactType}
          onChange={(c) => set({ contactType: c as ContactType })}
          placeholder="Choose…"
          options={ContactTypeValues.map((c) => ({ value: c, label: label(c) }))}
          error={form.errors.contactType}
        />
      </div>
      <TextArea
        name="body"
        label={amends ? 'Correction' : 'Note'}
        required
        rows={5}
        value={values.body}
        onChange={(body) => set({ body })}
        error={form.errors.body}
        hint={`${values.body.length.toLocaleString('en-CA')} of ${NOTE_MAX.toLocaleString('en-CA')} characters`}
      />
      <CheckboxField
        name="sensitive"
        label="Sensitive: only the author and supervisors may read it"
        checked={values.sensitive}
        onChange={(sensitive) => set({ sensitive })}
      />
      <SubmitButton busy={form.busy}>{amends ? 'Add the amendment' : 'Add the note'}</SubmitButton>
    </form>
  );
}
