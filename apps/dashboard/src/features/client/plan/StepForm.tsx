/** Changing a step: its outcome (a completion date when complete, a new due date when brought forward) and why. */
import { useMutation } from 'urql';
import { type StepOutcome, StepOutcomeValues, UpdateStepDocument } from '../../../graphql/generated';
import { mainCode } from '../../../api/errors';
import { label } from '../../../lib/labels';
import { todayInZone } from '../../../lib/zone';
import { useAgencyZone } from '../../../app/session';
import { type StepChange, type StepNow, stepChangeErrors, stepUpdate } from '../../../lib/plan';
import { FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../../ui/fields';
import { useFormSubmit, without } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

export function StepForm({
  step,
  planVersion,
  onDone,
  onConflict,
}: {
  step: StepNow & { id: string; description: string };
  planVersion: number;
  onDone(): void;
  onConflict(): void;
}) {
  // "Today" is the agency's day, as the plans subgraph counts it.
  const zone = useAgencyZone();
  const todayHere = todayInZone(zone);
  const [values, setValues, clear] = useDraft<StepChange>(`step.${step.id}`, () => ({
    outcome: 'COMPLETE',
    dueDate: step.dueDate ?? '',
    completedAt: todayHere,
    rationale: '',
  }));
  const [, update] = useMutation(UpdateStepDocument);
  const form = useFormSubmit({
    fields: ['outcome', 'dueDate', 'completedAt', 'rationale', 'expectedVersion'],
    validate: () => stepChangeErrors(values, step, new Date(), zone),
    send: async () => {
      const result = await update({ input: { stepId: step.id, expectedVersion: planVersion, ...stepUpdate(values, step) } });
      if (result.error && mainCode(result.error) === 'CONFLICT') onConflict();
      return result;
    },
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  const set = (patch: Partial<StepChange>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };
  return (
    <form onSubmit={form.submit} noValidate className="form step-form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <div className="grid-3">
        <SelectField
          name="outcome"
          label="Outcome"
          required
          value={values.outcome}
          onChange={(o) => set({ outcome: o as StepOutcome })}
          options={StepOutcomeValues.map((o) => ({ value: o, label: label(o) }))}
          error={form.errors.outcome}
        />
        {values.outcome === 'COMPLETE' ? (
          <TextField
            name="completedAt"
            type="date"
            label="Completed on"
            value={values.completedAt}
            max={todayHere}
            onChange={(completedAt) => set({ completedAt })}
            error={form.errors.completedAt}
          />
        ) : null}
        <TextField
          name="dueDate"
          type="date"
          label={values.outcome === 'BROUGHT_FORWARD' ? 'New due date' : 'Due date'}
          required={values.outcome === 'BROUGHT_FORWARD'}
          value={values.dueDate}
          onChange={(dueDate) => set({ dueDate })}
          error={form.errors.dueDate}
        />
      </div>
      <TextArea
        name="rationale"
        label="Why (kept in the plan's history)"
        required
        rows={2}
        value={values.rationale}
        onChange={(rationale) => set({ rationale })}
        error={form.errors.rationale}
      />
      <SubmitButton busy={form.busy}>Save the step</SubmitButton>
    </form>
  );
}
