/** The case's life: activate after an eligible intake, close with an outcome, re-open with a reason. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { messageOf } from '../../../api/errors';
import {
  ActivateClientDocument,
  CloseCaseDocument,
  type ClosureOutcome,
  ClosureOutcomeValues,
  ReopenCaseDocument,
} from '../../../graphql/generated';
import { label } from '../../../lib/labels';
import { collect, maxLength, required } from '../../../lib/validation';
import { FormProblems, SelectField, SubmitButton, TextArea } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';

export function ActivateButton({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const [result, activate] = useMutation(ActivateClientDocument);
  return (
    <div>
      <button
        type="button"
        className="button primary"
        disabled={result.fetching}
        onClick={() => void activate({ clientId }).then((r) => !r.error && onDone())}
      >
        {result.fetching ? 'Activating…' : 'Activate the case'}
      </button>
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </div>
  );
}

export function CloseCaseForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const [outcome, setOutcome] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [, close] = useMutation(CloseCaseDocument);
  const form = useFormSubmit({
    fields: ['outcome', 'nextSteps'],
    validate: () => collect({ outcome: [outcome ? undefined : 'Choose the outcome.'], nextSteps: [maxLength(nextSteps, 2000)] }),
    send: () => close({ input: { clientId, outcome: outcome as ClosureOutcome, nextSteps: nextSteps.trim() || null } }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <SelectField
        name="outcome"
        label="Outcome"
        required
        value={outcome}
        onChange={setOutcome}
        placeholder="Choose…"
        options={ClosureOutcomeValues.map((o) => ({ value: o, label: label(o) }))}
        error={form.errors.outcome}
      />
      <TextArea name="nextSteps" label="Recommended next steps" value={nextSteps} onChange={setNextSteps} error={form.errors.nextSteps} />
      <SubmitButton busy={form.busy}>Close the case</SubmitButton>
    </form>
  );
}

export function ReopenForm({ clientId, onDone }: { clientId: string; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [, reopen] = useMutation(ReopenCaseDocument);
  const form = useFormSubmit({
    fields: ['reason'],
    strip: /^$/,
    validate: () => collect({ reason: [required(reason, 'The reason'), maxLength(reason, 2000)] }),
    send: () => reopen({ clientId, reason: reason.trim() }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <TextArea name="reason" label="Why re-open the case" required value={reason} onChange={setReason} error={form.errors.reason} />
      <SubmitButton busy={form.busy}>Re-open the case</SubmitButton>
    </form>
  );
}
