/**
 * Recording a release of information: to whom, which kinds of information,
 * for what purpose, signed when, valid until (three months by default).
 */
import { useMutation } from 'urql';
import { type InformationKind, InformationKindValues, RecordConsentDocument } from '../../graphql/generated';
import { defaultExpiryDate } from '../../lib/consent';
import { addMonths, fromLocalInput, localDate, toLocalInput } from '../../lib/dates';
import { label } from '../../lib/labels';
import { collect, maxLength, notFuture, required } from '../../lib/validation';
import { ChoiceGroup, FormProblems, SubmitButton, TextField } from '../../ui/fields';
import { useFormSubmit, without } from '../../ui/form';
import { useDraft } from '../../ui/hooks';
import { type OrganizationChoice, OrganizationPicker } from './OrganizationPicker';

interface ConsentValues {
  recipient: OrganizationChoice | null;
  scope: InformationKind[];
  purpose: string;
  signedAt: string;
  expiresOn: string;
  witness: string;
}

export function consentErrors(v: ConsentValues, now = new Date()): Record<string, string | undefined> {
  const signed = fromLocalInput(v.signedAt);
  return collect({
    recipientOrganizationId: [v.recipient ? undefined : 'Choose the organization the information goes to.'],
    scope: [v.scope.length ? undefined : 'Choose at least one kind of information.'],
    purpose: [required(v.purpose, 'The purpose'), maxLength(v.purpose, 2000)],
    signedAt: [signed ? undefined : 'Enter when the client signed.', notFuture(signed, now)],
    expiresAt: [
      v.expiresOn && signed && v.expiresOn <= localDate(new Date(signed)) ? 'The consent must expire after it was signed.' : undefined,
      v.expiresOn && signed && v.expiresOn > addMonths(localDate(new Date(signed)), 60)
        ? 'A consent is valid for at most five years.'
        : undefined,
    ],
    witness: [maxLength(v.witness, 200)],
  });
}

export function ConsentForm({
  clientId,
  clientName,
  recipient,
  scope,
  purpose,
  onDone,
  formKey = 'consent',
}: {
  clientId: string;
  clientName: string;
  recipient?: OrganizationChoice | null;
  scope?: InformationKind[];
  purpose?: string;
  onDone(consentId: string): void;
  formKey?: string;
}) {
  const [values, setValues, clear] = useDraft<ConsentValues>(`${formKey}.${clientId}`, () => ({
    recipient: recipient ?? null,
    scope: scope ?? ['CONTACT_INFO', 'REFERRAL_DETAILS'],
    purpose: purpose ?? '',
    signedAt: toLocalInput(new Date()),
    expiresOn: '',
    witness: '',
  }));
  const [, record] = useMutation(RecordConsentDocument);
  const form = useFormSubmit({
    fields: ['recipientOrganizationId', 'scope', 'purpose', 'signedAt', 'expiresAt', 'witness'],
    validate: () => consentErrors(values),
    send: () =>
      record({
        input: {
          clientId,
          recipientOrganizationId: values.recipient?.id as string,
          scope: values.scope,
          purpose: values.purpose.trim(),
          signedAt: fromLocalInput(values.signedAt) as string,
          expiresAt: values.expiresOn ? new Date(`${values.expiresOn}T23:59:00`).toISOString() : null,
          witness: values.witness.trim() || null,
        },
      }),
    onSuccess: (data) => {
      clear();
      onDone(data?.recordConsent.id ?? '');
    },
  });
  const set = (patch: Partial<ConsentValues>, field: string) => {
    setValues({ ...values, ...patch });
    form.setErrors((e) => without(e, field));
  };
  const signedDate = fromLocalInput(values.signedAt);
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <p className="hint">
        {clientName} authorizes the release of the chosen kinds of information to the organization, for the purpose stated.
      </p>
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <OrganizationPicker
        value={values.recipient}
        onChange={(recipient) => set({ recipient }, 'recipientOrganizationId')}
        error={form.errors.recipientOrganizationId}
        suggestions={recipient ? [recipient] : []}
      />
      <ChoiceGroup
        legend="Information it covers"
        name="scope"
        type="checkbox"
        required
        options={InformationKindValues.map((k) => ({ value: k, label: label(k) }))}
        value={values.scope}
        onChange={(s) => set({ scope: s }, 'scope')}
        error={form.errors.scope}
        hint="Sending a referral needs “Referral details”; the partner sees the client's name only with “Contact information”."
      />
      <TextField
        name="purpose"
        label="Purpose"
        required
        value={values.purpose}
        onChange={(p) => set({ purpose: p }, 'purpose')}
        error={form.errors.purpose}
        hint="e.g. “Referral for emergency food”"
      />
      <div className="grid-2">
        <TextField
          name="signedAt"
          type="datetime-local"
          label="Signed"
          required
          value={values.signedAt}
          onChange={(v) => set({ signedAt: v }, 'signedAt')}
          error={form.errors.signedAt}
        />
        <TextField
          name="expiresOn"
          type="date"
          label="Valid until"
          value={values.expiresOn}
          onChange={(v) => set({ expiresOn: v }, 'expiresAt')}
          error={form.errors.expiresAt}
          hint={
            signedDate
              ? `Leave empty for three months: ${defaultExpiryDate(localDate(new Date(signedDate)))}`
              : 'Leave empty for three months after signing'
          }
        />
      </div>
      <TextField
        name="witness"
        label="Witness"
        value={values.witness}
        onChange={(v) => set({ witness: v }, 'witness')}
        error={form.errors.witness}
      />
      <SubmitButton busy={form.busy}>Record the consent</SubmitButton>
    </form>
  );
}
