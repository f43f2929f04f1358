/** A partner's edits to their directory entries: a service's fields, its status, its hours, a new service, a place's address. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { messageOf } from '../../api/errors';
import {
  AddScheduleDocument,
  CreateServiceDocument,
  type DirectoryOwnerInput,
  type EditableServiceFragment,
  type HoursFragment,
  type MyOrganizationQuery,
  SetServiceStatusDocument,
  UpdateLocationDocument,
  UpdateScheduleDocument,
  UpdateServiceDocument,
} from '../../graphql/generated';
import { collect, email, maxLength, required } from '../../lib/validation';
import { CheckboxField, ChoiceGroup, FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../ui/fields';
import { useFormSubmit } from '../../ui/form';

export type Service = EditableServiceFragment;

/** What a change of hours or phones makes urql fetch again. */
export const CONTACT_CHANGED = { additionalTypenames: ['Schedule', 'Phone', 'Service', 'Location'] };

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];

interface ServiceValues {
  name: string;
  alternateName: string;
  description: string;
  url: string;
  email: string;
  applicationProcess: string;
  feesDescription: string;
  eligibilityDescription: string;
  minimumAge: string;
  maximumAge: string;
  languages: string;
}

function valuesOf(s: Service | null): ServiceValues {
  return {
    name: s?.name ?? '',
    alternateName: s?.alternateName ?? '',
    description: s?.description ?? '',
    url: s?.url ?? '',
    email: s?.email ?? '',
    applicationProcess: s?.applicationProcess ?? '',
    feesDescription: s?.feesDescription ?? '',
    eligibilityDescription: s?.eligibilityDescription ?? '',
    minimumAge: s?.minimumAge?.toString() ?? '',
    maximumAge: s?.maximumAge?.toString() ?? '',
    languages: s?.languages.join(', ') ?? '',
  };
}

function age(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 130 ? undefined : 'Enter an age from 0 to 130.';
}

function url(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'Enter an http or https address.';
  } catch {
    return 'Enter a full address, e.g. https://example.org/service.';
  }
}

export function serviceErrors(v: ServiceValues): Record<string, string | undefined> {
  return collect({
    name: [required(v.name, 'The name'), maxLength(v.name, 200)],
    alternateName: [maxLength(v.alternateName, 200)],
    description: [maxLength(v.description, 10000)],
    url: [url(v.url)],
    email: [email(v.email)],
    applicationProcess: [maxLength(v.applicationProcess, 10000)],
    feesDescription: [maxLength(v.feesDescription, 10000)],
    eligibilityDescription: [maxLength(v.eligibilityDescription, 10000)],
    minimumAge: [age(v.minimumAge)],
    maximumAge: [
      age(v.maximumAge),
      v.minimumAge && v.maximumAge && Number(v.maximumAge) < Number(v.minimumAge)
        ? 'The maximum must not be below the minimum.'
        : undefined,
    ],
  });
}

function serviceInput(v: ServiceValues) {
  const text = (s: string) => s.trim() || null;
  return {
    name: v.name.trim(),
    alternateName: text(v.alternateName),
    description: text(v.description),
    url: text(v.url),
    email: text(v.email),
    applicationProcess: text(v.applicationProcess),
    feesDescription: text(v.feesDescription),
    eligibilityDescription: text(v.eligibilityDescription),
    minimumAge: v.minimumAge.trim() ? Number(v.minimumAge) : null,
    maximumAge: v.maximumAge.trim() ? Number(v.maximumAge) : null,
    languages: v.languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

const FIELDS = [
  'name',
  'alternateName',
  'description',
  'url',
  'email',
  'applicationProcess',
  'feesDescription',
  'eligibilityDescription',
  'minimumAge',
  'maximumAge',
  'languages',
];

/** Edits a service, or creates one for the organization when `service` is null. */
export function ServiceForm({ service, organizationId, onDone }: { service: Service | null; organizationId: string; onDone(): void }) {
  const [values, setValues] = useState<ServiceValues>(() => valuesOf(service));
  const [, update] = useMutation(UpdateServiceDocument);
  const [, create] = useMutation(CreateServiceDocument);
  const form = useFormSubmit<unknown>({
    fields: FIELDS,
    validate: () => serviceErrors(values),
    send: () =>
      service ? update({ id: service.id, input: serviceInput(values) }) : create({ input: { organizationId, ...serviceInput(values) } }),
    onSuccess: onDone,
  });
  const field = (
    name: keyof ServiceValues,
    text: string,
    extra: { required?: boolean; hint?: string; long?: boolean; type?: 'url' | 'email' | 'number' } = {},
  ) =>
    extra.long ? (
      <TextArea
        name={name}
        label={text}
        rows={3}
        value={values[name]}
        onChange={(v) => setValues({ ...values, [name]: v })}
        error={form.errors[name]}
        hint={extra.hint}
      />
    ) : (
      <TextField
        name={name}
        label={text}
        required={extra.required}
        type={extra.type}
        value={values[name]}
        onChange={(v) => setValues({ ...values, [name]: v })}
        error={form.errors[name]}
        hint={extra.hint}
      />
    );
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <div className="grid-2">
        {field('name', 'Name', { required: true })}
        {field('alternateName', 'Other name')}
      </div>
      {field('description', 'Description', { long: true })}
      {field('eligibilityDescription', 'Who can use it', { long: true })}
      {field('applicationProcess', 'How to apply', { long: true })}
      {field('feesDescription', 'Fees', { long: true })}
      <div className="grid-2">
        {field('url', 'Web page', { type: 'url' })}
        {field('email', 'Email', { type: 'email' })}
        {field('minimumAge', 'Minimum age', { type: 'number' })}
        {field('maximumAge', 'Maximum age', { type: 'number' })}
      </div>
      {field('languages', 'Languages', { hint: 'Names, separated by commas, e.g. English, French' })}
      <SubmitButton busy={form.busy}>{service ? 'Save the service' : 'Add the service'}</SubmitButton>
    </form>
  );
}

export function StatusControl({ service, onDone }: { service: Service; onDone(): void }) {
  const [status, setStatus] = useState(service.status);
  const [result, save] = useMutation(SetServiceStatusDocument);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ id: service.id, status }).then((r) => !r.error && onDone());
      }}
    >
      <SelectField
        name={`status-${service.id}`}
        label="Status"
        value={status}
        onChange={setStatus}
        options={SERVICE_STATUSES.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) }))}
      />
      <button type="submit" className="button secondary small" disabled={status === service.status || result.fetching}>
        Set status
      </button>
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </form>
  );
}

const WEEKDAYS = [
  { value: 'MO', label: 'Mon' },
  { value: 'TU', label: 'Tue' },
  { value: 'WE', label: 'Wed' },
  { value: 'TH', label: 'Thu' },
  { value: 'FR', label: 'Fri' },
  { value: 'SA', label: 'Sat' },
  { value: 'SU', label: 'Sun' },
];

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
      return schedule ? update({ id: schedule.id, input }, CONTACT_CHANGED) : add({ owner, input }, CONTACT_CHANGED);
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

export type Place = NonNullable<MyOrganizationQuery['me']['organization']>['locations'][number];

/** A place's name and street address (the physical one), as the directory shows it. */
export function LocationForm({ place, onDone }: { place: Place; onDone(): void }) {
  const address = place.addresses.find((a) => a.addressType === 'physical') ?? place.addresses[0];
  const [values, setValues] = useState({
    name: place.name ?? '',
    address1: address?.address1 ?? '',
    address2: address?.address2 ?? '',
    city: address?.city ?? '',
    stateProvince: address?.stateProvince ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? 'CA',
  });
  const [, update] = useMutation(UpdateLocationDocument);
  const form = useFormSubmit<unknown>({
    fields: [
      'name',
      'address.address1',
      'address.address2',
      'address.city',
      'address.stateProvince',
      'address.postalCode',
      'address.country',
    ],
    validate: () =>
      collect({
        name: [maxLength(values.name, 200)],
        'address.address1': [required(values.address1, 'The street address'), maxLength(values.address1, 200)],
        'address.city': [required(values.city, 'The city'), maxLength(values.city, 200)],
        'address.stateProvince': [required(values.stateProvince, 'The province or state')],
        'address.postalCode': [required(values.postalCode, 'The postal code')],
        'address.country': [/^[A-Za-z]{2}$/.test(values.country.trim()) ? undefined : 'Enter a two-letter country code, e.g. CA.'],
      }),
    send: () =>
      update({
        id: place.id,
        input: {
          name: values.name.trim() || null,
          address: {
            address1: values.address1.trim(),
            address2: values.address2.trim() || null,
            city: values.city.trim(),
            stateProvince: values.stateProvince.trim(),
            postalCode: values.postalCode.trim(),
            country: values.country.trim().toUpperCase(),
            addressType: address?.addressType ?? 'physical',
          },
        },
      }),
    onSuccess: onDone,
  });
  const field = (name: keyof typeof values, text: string, error: string | undefined, req = false) => (
    <TextField
      name={name}
      label={text}
      required={req}
      value={values[name]}
      onChange={(v) => setValues({ ...values, [name]: v })}
      error={error}
    />
  );
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      {field('name', 'Name of the place', form.errors.name)}
      <div className="grid-2">
        {field('address1', 'Street address', form.errors['address.address1'], true)}
        {field('address2', 'Suite, unit', form.errors['address.address2'])}
        {field('city', 'City', form.errors['address.city'], true)}
        {field('stateProvince', 'Province or state', form.errors['address.stateProvince'], true)}
        {field('postalCode', 'Postal code', form.errors['address.postalCode'], true)}
        {field('country', 'Country', form.errors['address.country'], true)}
      </div>
      <SubmitButton busy={form.busy}>Save the place</SubmitButton>
    </form>
  );
}
