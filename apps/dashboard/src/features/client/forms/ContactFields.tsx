/** Contact preferences: how to reach the client, whether a voicemail is safe, how to greet them in public. */
import { type ContactMethod, ContactMethodValues, type ContactPreferenceInput } from '../../../graphql/generated';
import { label } from '../../../lib/labels';
import { collect, email, maxLength, phone, required } from '../../../lib/validation';
import { CheckboxField, SelectField, TextArea, TextField } from '../../../ui/fields';

export interface ContactValues {
  method: ContactMethod | '';
  phone: string;
  email: string;
  voicemailAllowed: boolean;
  publicGreeting: string;
  notes: string;
}

export const EMPTY_CONTACT: ContactValues = { method: '', phone: '', email: '', voicemailAllowed: false, publicGreeting: '', notes: '' };

export function contactErrors(v: ContactValues, prefix = ''): Record<string, string | undefined> {
  const e = collect({
    method: [required(v.method, 'The contact method')],
    phone: [v.method === 'PHONE' || v.method === 'TEXT' ? required(v.phone, 'A phone number') : undefined, phone(v.phone)],
    email: [v.method === 'EMAIL' ? required(v.email, 'An email address') : undefined, email(v.email)],
    publicGreeting: [maxLength(v.publicGreeting, 200)],
    notes: [maxLength(v.notes, 2000)],
  });
  return Object.fromEntries(Object.entries(e).map(([k, m]) => [`${prefix}${k}`, m]));
}

export function contactInput(v: ContactValues): ContactPreferenceInput {
  return {
    method: v.method as ContactMethod,
    phone: v.phone.trim() || null,
    email: v.email.trim() || null,
    voicemailAllowed: v.voicemailAllowed,
    publicGreeting: v.publicGreeting.trim() || null,
    notes: v.notes.trim() || null,
  };
}

export function ContactFields({
  values,
  onChange,
  errors,
  prefix = '',
}: {
  values: ContactValues;
  onChange(v: ContactValues): void;
  errors: Record<string, string>;
  prefix?: string;
}) {
  const set = (patch: Partial<ContactValues>) => onChange({ ...values, ...patch });
  return (
    <div className="grid-2">
      <SelectField
        name="method"
        label="Preferred contact method"
        required
        value={values.method}
        onChange={(m) => set({ method: m as ContactMethod })}
        options={ContactMethodValues.map((m) => ({ value: m, label: label(m) }))}
        placeholder="Choose…"
        error={errors[`${prefix}method`]}
      />
      <TextField
        name="phone"
        type="tel"
        autoComplete="off"
        label="Phone"
        value={values.phone}
        onChange={(phone) => set({ phone })}
        error={errors[`${prefix}phone`]}
        hint="Needed for phone and text"
      />
      <TextField
        name="email"
        type="email"
        autoComplete="off"
        label="Email"
        value={values.email}
        onChange={(email) => set({ email })}
        error={errors[`${prefix}email`]}
      />
      <CheckboxField
        name="voicemailAllowed"
        label="A voicemail may be left"
        checked={values.voicemailAllowed}
        onChange={(voicemailAllowed) => set({ voicemailAllowed })}
      />
      <TextField
        name="publicGreeting"
        label="If met in public"
        value={values.publicGreeting}
        onChange={(publicGreeting) => set({ publicGreeting })}
        error={errors[`${prefix}publicGreeting`]}
        hint="How the client wants to be acknowledged, e.g. “a wave is fine”"
      />
      <TextArea
        name="notes"
        label="Contact notes"
        rows={2}
        value={values.notes}
        onChange={(notes) => set({ notes })}
        error={errors[`${prefix}notes`]}
      />
    </div>
  );
}
