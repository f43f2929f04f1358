/** Recording an eligibility determination, with its rationale (eligible is not the same as suitable). */
import { useMutation } from 'urql';
import { DetermineEligibilityDocument } from '../../../graphql/generated';
import { collect, maxLength, required } from '../../../lib/validation';
import { ChoiceGroup, FormProblems, SubmitButton, TextArea, TextField } from '../../../ui/fields';
import { useFormSubmit, without } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

export const DEFAULT_PROGRAM = 'Employment Support Program';

export function EligibilityForm({ clientId, onDone }: { clientId: string; onDone(eligible: boolean): void }) {
  const [values, setValues, clear] = useDraft(`eligibility.${clientId}`, {
    eligible: '' as '' | 'yes' | 'no',
    program: DEFAULT_PROGRAM,
    rationale: '',
  });
  const [, determine] = useMutation(DetermineEligibilityDocument);
  const form = useFormSubmit({
    fields: ['eligible', 'program', 'rationale'],
    validate: () =>
      collect({
        eligible: [values.eligible ? undefined : 'Say whether the client is eligible.'],
        program: [required(values.program, 'The program'), maxLength(values.program, 200)],
        rationale: [required(values.rationale, 'The rationale'), maxLength(values.rationale, 2000)],
      }),
    send: () =>
      determine({
        input: { clientId, eligible: values.eligible === 'yes', program: values.program.trim(), rationale: values.rationale.trim() },
      }),
    onSuccess: () => {
      const eligible = values.eligible === 'yes';
      clear();
      onDone(eligible);
    },
  });
  const set = (patch: Partial<typeof values>) => {
    setValues({ ...values, ...patch });
    for (const k of Object.keys(patch)) form.setErrors((e) => without(e, k));
  };
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <ChoiceGroup
        legend="Is the client eligible for the program?"
        name="eligible"
        type="radio"
        inline
        required
        options={[
          { value: 'yes', label: 'Eligible' },
          { value: 'no', label: 'Not eligible' },
        ]}
        value={values.eligible ? [values.eligible] : []}
        onChange={(v) => set({ eligible: v[0] as 'yes' | 'no' })}
        error={form.errors.eligible}
      />
      <TextField
        name="program"
        label="Program"
        required
        value={values.program}
        onChange={(program) => set({ program })}
        error={form.errors.program}
      />
      <TextArea
        name="rationale"
        label="Rationale"
        required
        value={values.rationale}
        onChange={(rationale) => set({ rationale })}
        error={form.errors.rationale}
        hint="Which criteria are met or not; eligible is not the same as suitable."
      />
      <SubmitButton busy={form.busy}>Record the determination</SubmitButton>
    </form>
  );
}
