/**
 * Creating and sending a referral to the chosen service: the need it
 * addresses (a barrier or a goal of the client), why it is necessary and
 * appropriate, urgency, answer and follow-up dates. Sending needs an active
 * consent to the receiving organization covering referral details: when
 * there is none, the form says so and offers to record one (a supervisor may
 * instead override with a reason).
 */
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import type { CombinedErrorLike } from '../../api/errors';
import { useMe } from '../../app/session';
import {
  CreateReferralDocument,
  type ReferContextQuery,
  type ReferralUrgency,
  ReferralUrgencyValues,
  SendReferralDocument,
} from '../../graphql/generated';
import { coveringConsent } from '../../lib/consent';
import { formatDate, localDate } from '../../lib/dates';
import { label } from '../../lib/labels';
import { collect, maxLength, required } from '../../lib/validation';
import { CheckboxField, ChoiceGroup, FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../ui/fields';
import { useFormSubmit, without } from '../../ui/form';
import { useDraft } from '../../ui/hooks';
import { ConsentForm } from '../shared/ConsentForm';
import type { Hit } from '../directory/DirectorySearch';

type Client = NonNullable<ReferContextQuery['client']>;

interface ReferralValues {
  addresses: string;
  need: string;
  necessaryRationale: string;
  appropriateRationale: string;
  paidByContract: boolean;
  urgency: ReferralUrgency;
  respondBy: string;
  followUpAt: string;
  overrideReason: string;
  /** The idempotency key of this referral: a retry after a lost answer creates nothing twice. */
  clientMutationId: string;
  /** Set once created, so that a failed send is retried without creating again. */
  referralId: string | null;
}

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

export function referralErrors(v: ReferralValues, now = new Date()): Record<string, string | undefined> {
  const day = localDate(now);
  return collect({
    need: [required(v.need, 'The need'), maxLength(v.need, 2000)],
    necessaryRationale: [required(v.necessaryRationale, 'Why it is necessary'), maxLength(v.necessaryRationale, 2000)],
    appropriateRationale: [required(v.appropriateRationale, 'Why it is appropriate'), maxLength(v.appropriateRationale, 2000)],
    respondBy: [v.respondBy && v.respondBy <= day ? 'The answer date must be after today.' : undefined],
    followUpAt: [v.followUpAt && v.followUpAt <= day ? 'The follow-up must be after today.' : undefined],
    overrideReason: [maxLength(v.overrideReason, 2000)],
  });
}

export function ReferralForm({
  client,
  hit,
  onSent,
  onConsentRecorded,
}: {
  client: Client;
  hit: Hit;
  onSent(referralId: string): void;
  onConsentRecorded(): void;
}) {
  const me = useMe();
  const organization = hit.service.organization;
  const consent = coveringConsent(client.consents, organization.id);
  const supervisor = me.role === 'SUPERVISOR';
  const [values, setValues, clear] = useDraft<ReferralValues>(`referral.${client.id}.${hit.service.id}`, () => ({
    addresses: '',
    need: '',
    necessaryRationale: '',
    appropriateRationale: '',
    paidByContract: false,
    urgency: 'ROUTINE',
    respondBy: '',
    followUpAt: '',
    overrideReason: '',
    clientMutationId: newKey(),
    referralId: null,
  }));
  const [recordingConsent, setRecordingConsent] = useState(false);
  const [, create] = useMutation(CreateReferralDocument);
  const [, send] = useMutation(SendReferralDocument);

  const needs = useMemo(
    () => [
      ...(client.latestAssessment?.barriers ?? []).map((b) => ({
        value: `barrier:${b.characteristic}`,
        label: `Barrier: ${b.characteristic} (${label(b.domain).toLowerCase()})`,
        need: `${label(b.domain)}: ${b.characteristic}`,
        goalId: null as string | null,
      })),
      ...(client.activePlan?.goals ?? [])
        .filter((g) => g.status === 'OPEN')
        .map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.description}`, need: g.description, goalId: g.id as string | null })),
    ],
    [client],
  );
  const chosen = needs.find((n) => n.value === values.addresses);
  const canSend = Boolean(consent) || (supervisor && values.overrideReason.trim().length > 0);

  const form = useFormSubmit({
    fields: ['need', 'necessaryRationale', 'appropriateRationale', 'respondBy', 'followUpAt', 'goalId', 'serviceId', 'overrideReason'],
    validate: () => referralErrors(values),
    send: async () => {
      let referralId = values.referralId;
      if (!referralId) {
        const created = await create({
          input: {
            clientId: client.id,
            serviceId: hit.service.id,
            serviceAtLocationId: hit.serviceAtLocation?.id ?? null,
            goalId: chosen?.goalId ?? null,
            need: values.need.trim(),
            necessaryRationale: values.necessaryRationale.trim(),
            appropriateRationale: values.appropriateRationale.trim(),
            paidByContract: values.paidByContract,
            urgency: values.urgency,
            respondBy: values.respondBy ? new Date(`${values.respondBy}T17:00:00`).toISOString() : null,
            followUpAt: values.followUpAt ? new Date(`${values.followUpAt}T09:00:00`).toISOString() : null,
            clientMutationId: values.clientMutationId,
          },
        });
        if (created.error || !created.data) return { error: created.error };
        referralId = created.data.createReferral.id;
        setValues((v) => ({ ...v, referralId }));
      }
      if (!canSend) return { data: { id: referralId, sent: false } };
      const sent = await send({ referralId, overrideConsentReason: consent ? null : values.overrideReason.trim() || null });
      return sent.error ? { error: sent.error as CombinedErrorLike } : { data: { id: referralId, sent: true } };
    },
    onSuccess: (data) => {
      clear();
      if (data) onSent(data.id);
    },
  });
  const set = (patch: Partial<ReferralValues>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };

  return (
    <div className="referral-form">
      <ConsentStatus
        consent={consent ? { expiresAt: consent.expiresAt } : null}
        clientName={client.displayName}
        organizationName={organization.name}
        onRecord={() => setRecordingConsent(true)}
        recording={recordingConsent}
      />
      {!consent && recordingConsent ? (
        <div className="inset">
          <h3>Record the consent</h3>
          <ConsentForm
            clientId={client.id}
            clientName={client.displayName}
            recipient={{ id: organization.id, name: organization.name }}
            scope={['CONTACT_INFO', 'REFERRAL_DETAILS']}
            purpose={`Referral to ${hit.service.name}`}
            formKey="refer-consent"
            onDone={() => {
              setRecordingConsent(false);
              onConsentRecorded();
            }}
          />
        </div>
      ) : null}
      <form onSubmit={form.submit} noValidate className="form">
        <h3>Referral to {hit.service.name}</h3>
        <FormProblems message={form.formError} fieldCount={form.fieldCount} />
        {needs.length ? (
          <SelectField
            name="addresses"
            label="It addresses"
            value={values.addresses}
            onChange={(addresses) => {
              const n = needs.find((x) => x.value === addresses);
              set({ addresses, need: n ? n.need : values.need });
            }}
            placeholder="Another need (describe it below)"
            options={needs.map((n) => ({ value: n.value, label: n.label }))}
            hint="A barrier of the latest assessment or an open goal of the active plan."
          />
        ) : null}
        <TextField name="need" label="Need" required value={values.need} onChange={(need) => set({ need })} error={form.errors.need} />
        <TextArea
          name="necessaryRationale"
          label="Why it is necessary"
          required
          rows={2}
          value={values.necessaryRationale}
          onChange={(necessaryRationale) => set({ necessaryRationale })}
          error={form.errors.necessaryRationale}
        />
        <TextArea
          name="appropriateRationale"
          label="Why this service is appropriate"
          required
          rows={2}
          value={values.appropriateRationale}
          onChange={(appropriateRationale) => set({ appropriateRationale })}
          error={form.errors.appropriateRationale}
        />
        <ChoiceGroup
          legend="Urgency"
          name="urgency"
          type="radio"
          inline
          options={ReferralUrgencyValues.map((u) => ({ value: u, label: label(u) }))}
          value={[values.urgency]}
          onChange={(u) => set({ urgency: u[0] })}
        />
        <CheckboxField
          name="paidByContract"
          label="Paid by the contract"
          checked={values.paidByContract}
          onChange={(paidByContract) => set({ paidByContract })}
        />
        <div className="grid-2">
          <TextField
            name="respondBy"
            type="date"
            label="Answer needed by"
            value={values.respondBy}
            onChange={(respondBy) => set({ respondBy })}
            error={form.errors.respondBy}
            hint="Leave empty for 14 days after sending"
          />
          <TextField
            name="followUpAt"
            type="date"
            label="Follow up on"
            value={values.followUpAt}
            onChange={(followUpAt) => set({ followUpAt })}
            error={form.errors.followUpAt}
          />
        </div>
        {!consent && supervisor ? (
          <TextArea
            name="overrideReason"
            label="Or send without a recorded consent (supervisor override): the reason"
            rows={2}
            value={values.overrideReason}
            onChange={(overrideReason) => set({ overrideReason })}
            error={form.errors.overrideReason}
            hint="Kept in the referral's history and the audit trail."
          />
        ) : null}
        <SubmitButton busy={form.busy} busyLabel="Sending…">
          {canSend ? 'Create and send the referral' : 'Save as a draft'}
        </SubmitButton>
        {!canSend ? (
          <p className="hint">
            Without a consent the referral is saved as a draft; send it from the client's referrals once the consent is recorded.
          </p>
        ) : null}
      </form>
    </div>
  );
}

function ConsentStatus({
  consent,
  clientName,
  organizationName,
  onRecord,
  recording,
}: {
  consent: { expiresAt: string } | null;
  clientName: string;
  organizationName: string;
  onRecord(): void;
  recording: boolean;
}) {
  if (consent) {
    return (
      <p className="notice success" role="status">
        Covered: {clientName} has an active consent to {organizationName} for referral details, valid until{' '}
        {formatDate(localDate(new Date(consent.expiresAt)))}.
      </p>
    );
  }
  return (
    <div className="notice warning" role="note">
      <p>
        <strong>No consent covers this referral yet.</strong> Sending it needs an active consent from {clientName} to {organizationName}{' '}
        that covers referral details; without it the partner could not be told anything about the client.
      </p>
      {!recording ? (
        <button type="button" className="button primary small" onClick={onRecord}>
          Record a consent now
        </button>
      ) : null}
    </div>
  );
}
