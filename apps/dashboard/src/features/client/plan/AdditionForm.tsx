/**
 * Adding to a plan (a goal, a task, a step): the new part's fields, why it is
 * added (kept in the plan's history), checks before sending, the server's
 * field errors beside their fields, and a stale version reported as a
 * conflict. The draft is kept until it is sent.
 */
import type { ReactNode } from 'react';
import { type CombinedErrorLike, reportingConflict } from '../../../api/errors';
import { rationaleProblem } from '../../../lib/plan';
import { FormProblems, SubmitButton, TextArea } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';

export interface AdditionProps {
  planVersion: number;
  onDone(): void;
  onConflict(): void;
}

export function AdditionForm<V>({
  kind,
  draftKey,
  empty,
  isField,
  problems,
  send,
  fields,
  onDone,
  onConflict,
}: Omit<AdditionProps, 'planVersion'> & {
  /** What is added: also the mutation's argument holding it, under which the server names its fields (`task.title`). */
  kind: 'goal' | 'task' | 'step';
  draftKey: string;
  empty(): V;
  /** The field names `problems` gives (relative to the part). */
  isField(name: string): boolean;
  problems(value: V): Record<string, string>;
  send(value: V, rationale: string): Promise<{ error?: CombinedErrorLike }>;
  fields(value: V, onChange: (value: V) => void, errors: Record<string, string>): ReactNode;
}) {
  const [draft, setDraft, clear] = useDraft(draftKey, () => ({ value: empty(), rationale: '' }));
  const form = useFormSubmit({
    fields: (name) => isField(name) || name === 'rationale' || name === kind,
    strip: new RegExp(`^${kind}\\.`),
    validate: () => ({ ...problems(draft.value), rationale: rationaleProblem(draft.rationale, `the ${kind} is added`) }),
    send: () => reportingConflict(send(draft.value, draft.rationale.trim()), onConflict),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError ?? form.errors[kind]} fieldCount={form.fieldCount} />
      {fields(draft.value, (value) => setDraft({ ...draft, value }), form.errors)}
      <TextArea
        name="rationale"
        label={`Why add this ${kind}`}
        required
        rows={2}
        value={draft.rationale}
        onChange={(rationale) => setDraft({ ...draft, rationale })}
        error={form.errors.rationale}
      />
      <SubmitButton busy={form.busy}>Add the {kind}</SubmitButton>
    </form>
  );
}
