/** The address (or where to reach a client with no fixed address) and what the client said about themselves, as forms. */
import { type KeyboardEvent, useState } from 'react';
import { useMutation } from 'urql';
import { SetClientAddressDocument, SetDemographicsDocument } from '../../../graphql/generated';
import {
  type AddressValues,
  type DemographicsValues,
  addressErrors,
  addressInput,
  canonicalLanguage,
  demographicsErrors,
  demographicsInput,
  languageName,
} from '../../../lib/record';
import { CheckboxField, FormProblems, SubmitButton, TextField } from '../../../ui/fields';
import { useFormSubmit, without } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country', 'latitude', 'longitude', 'noFixedAddress'];

export function AddressForm({
  clientId,
  initial,
  onDone,
  submitLabel = 'Save the address',
}: {
  clientId: string;
  initial: AddressValues;
  onDone(): void;
  submitLabel?: string;
}) {
  const [values, setValues, clear] = useDraft(`address.${clientId}`, initial);
  const [, save] = useMutation(SetClientAddressDocument);
  const form = useFormSubmit({
    fields: ADDRESS_FIELDS,
    strip: /^address\./,
    validate: () => addressErrors(values),
    send: () => save({ clientId, address: addressInput(values) }),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const set = (key: keyof AddressValues) => (value: string | boolean) => {
    setValues({ ...values, [key]: value });
    form.setErrors(without(form.errors, key));
  };
  const nfa = values.noFixedAddress;
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="Address">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <CheckboxField
        name="noFixedAddress"
        label="No fixed address"
        hint="The lines then say where to reach the client (a shelter, a drop-in centre, general delivery)."
        checked={nfa}
        onChange={set('noFixedAddress')}
      />
      <div className="form-grid">
        <TextField
          name="line1"
          label={nfa ? 'Where to reach the client' : 'Street address'}
          required
          autoComplete="off"
          maxLength={200}
          value={values.line1}
          onChange={set('line1')}
          error={form.errors.line1}
        />
        <TextField
          name="line2"
          label="Apartment, unit or care of"
          maxLength={200}
          value={values.line2}
          onChange={set('line2')}
          error={form.errors.line2}
        />
        <TextField name="city" label="City" required maxLength={100} value={values.city} onChange={set('city')} error={form.errors.city} />
        <TextField
          name="region"
          label="Province or region"
          maxLength={100}
          value={values.region}
          onChange={set('region')}
          error={form.errors.region}
        />
        <TextField
          name="postalCode"
          label="Postal code"
          maxLength={20}
          value={values.postalCode}
          onChange={set('postalCode')}
          error={form.errors.postalCode}
        />
        <TextField
          name="country"
          label="Country"
          hint="Two-letter code, e.g. CA."
          required
          maxLength={2}
          value={values.country}
          onChange={set('country')}
          error={form.errors.country}
        />
        <TextField
          name="latitude"
          label="Latitude"
          hint="Optional; used to search services near the client, never shown to partners."
          inputMode="decimal"
          value={values.latitude}
          onChange={set('latitude')}
          error={form.errors.latitude}
        />
        <TextField
          name="longitude"
          label="Longitude"
          inputMode="decimal"
          value={values.longitude}
          onChange={set('longitude')}
          error={form.errors.longitude}
        />
      </div>
      <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
    </form>
  );
}

const DEMOGRAPHICS_FIELDS = ['genderIdentity', 'pronouns', 'languages', 'interpreterNeeded', 'education'];

export function DemographicsForm({
  clientId,
  initial,
  onDone,
  submitLabel = 'Save',
}: {
  clientId: string;
  initial: DemographicsValues;
  onDone(): void;
  submitLabel?: string;
}) {
  const [values, setValues, clear] = useDraft(`demographics.${clientId}`, initial);
  const [, save] = useMutation(SetDemographicsDocument);
  const form = useFormSubmit({
    fields: (name) => DEMOGRAPHICS_FIELDS.includes(name.replace(/\[\d+\]$/, '')),
    validate: () => demographicsErrors(values),
    send: () => save({ clientId, input: demographicsInput(values) }),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k.replace(/\[\d+\]$/, ''), v]));
  const set = (key: keyof DemographicsValues) => (value: string | boolean | string[]) => {
    setValues({ ...values, [key]: value });
    form.setErrors(without(form.errors, key));
  };
  return (
    <form onSubmit={form.submit} noValidate className="form" aria-label="About the client">
      <FormProblems message={form.formError} fieldCount={Object.keys(errors).length} />
      <div className="form-grid">
        <TextField
          name="genderIdentity"
          label="Gender identity"
          hint="In the client’s own words."
          maxLength={100}
          value={values.genderIdentity}
          onChange={set('genderIdentity')}
          error={errors.genderIdentity}
        />
        <TextField
          name="pronouns"
          label="Pronouns"
          hint="e.g. she/her, they/them"
          maxLength={50}
          value={values.pronouns}
          onChange={set('pronouns')}
          error={errors.pronouns}
        />
      </div>
      <LanguageTags value={values.languages} onChange={set('languages')} error={errors.languages} />
      <CheckboxField
        name="interpreterNeeded"
        label="Needs an interpreter"
        checked={values.interpreterNeeded}
        onChange={set('interpreterNeeded')}
      />
      <TextField
        name="education"
        label="Highest education completed"
        maxLength={200}
        value={values.education}
        onChange={set('education')}
        error={errors.education}
      />
      <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
    </form>
  );
}

/** Languages as tags, most preferred first: type a BCP 47 tag and press Enter or "Add"; each tag can be moved up or removed. */
export function LanguageTags({ value, onChange, error }: { value: string[]; onChange(value: string[]): void; error?: string }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    const tag = canonicalLanguage(text);
    if (!tag) {
      setProblem(text.trim() ? `“${text.trim()}” is not a language tag; use tags like fr, en-CA or ar.` : 'Type a language tag first.');
      return;
    }
    if (value.some((t) => t.toLowerCase() === tag.toLowerCase())) {
      setProblem(`${languageName(tag)} is already listed.`);
      return;
    }
    setProblem(undefined);
    setText('');
    onChange([...value, tag]);
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault();
      add();
    }
  };
  const move = (i: number) => onChange(value.map((t, j) => (j === i - 1 ? value[i] : j === i ? value[i - 1] : t)));
  return (
    <fieldset className="field language-tags" data-invalid={error || problem ? true : undefined}>
      <legend>Languages, most preferred first</legend>
      {value.length ? (
        <ol className="tag-list">
          {value.map((tag, i) => (
            <li key={tag} className="tag">
              <span lang={tag}>{languageName(tag)}</span>
              {i > 0 ? (
                <button type="button" className="button link small" onClick={() => move(i)}>
                  Move up<span className="visually-hidden"> {languageName(tag)}</span>
                </button>
              ) : null}
              <button type="button" className="button link small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove<span className="visually-hidden"> {languageName(tag)}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No language recorded.</p>
      )}
      <div className="inline-form" onKeyDown={onKey}>
        <TextField
          name="language"
          label="Add a language"
          hint="A language tag: fr, en-CA, ar, zh-Hant…"
          value={text}
          onChange={(v) => {
            setText(v);
            setProblem(undefined);
          }}
          error={problem ?? error}
        />
        <button type="button" className="button secondary" onClick={add}>
          Add
        </button>
      </div>
    </fieldset>
  );
}
