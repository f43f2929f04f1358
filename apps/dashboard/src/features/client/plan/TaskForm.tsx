/** Growing a plan without a new goal: a major task added to a goal, a step added to a task, each with why. */
import { useMutation } from 'urql';
import { reportingConflict } from '../../../api/errors';
import { AddStepDocument, AddTaskDocument } from '../../../graphql/generated';
import {
  EMPTY_STEP,
  emptyTask,
  isStepField,
  isTaskField,
  rationaleProblem,
  stepErrors,
  stepInput,
  taskErrors,
  taskInput,
} from '../../../lib/plan';
import { FormProblems, SubmitButton, TextArea } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';
import { StepFields, TaskFields } from './GoalForm';

interface AdditionProps {
  planVersion: number;
  onDone(): void;
  onConflict(): void;
}

export function AddTaskForm({ goalId, number, planVersion, onDone, onConflict }: AdditionProps & { goalId: string; number: number }) {
  const [draft, setDraft, clear] = useDraft(`task.${goalId}`, () => ({ task: emptyTask(), rationale: '' }));
  const [, add] = useMutation(AddTaskDocument);
  const form = useFormSubmit({
    fields: (name) => isTaskField(name) || name === 'rationale' || name === 'task',
    strip: /^task\./,
    validate: () => ({ ...taskErrors(draft.task), rationale: rationaleProblem(draft.rationale, 'the task is added') }),
    send: () =>
      reportingConflict(
        add({ goalId, expectedVersion: planVersion, task: taskInput(draft.task), rationale: draft.rationale.trim() }),
        onConflict,
      ),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError ?? form.errors.task} fieldCount={form.fieldCount} />
      <TaskFields
        task={draft.task}
        number={number}
        names={`new-${goalId}`}
        at=""
        errors={form.errors}
        onChange={(patch) => setDraft({ ...draft, task: { ...draft.task, ...patch } })}
      />
      <TextArea
        name="rationale"
        label="Why add this task"
        required
        rows={2}
        value={draft.rationale}
        onChange={(rationale) => setDraft({ ...draft, rationale })}
        error={form.errors.rationale}
      />
      <SubmitButton busy={form.busy}>Add the task</SubmitButton>
    </form>
  );
}

export function AddStepForm({ taskId, number, planVersion, onDone, onConflict }: AdditionProps & { taskId: string; number: number }) {
  const [draft, setDraft, clear] = useDraft(`step.new.${taskId}`, () => ({ step: { ...EMPTY_STEP }, rationale: '' }));
  const [, add] = useMutation(AddStepDocument);
  const form = useFormSubmit({
    fields: (name) => isStepField(name) || name === 'rationale' || name === 'step',
    strip: /^step\./,
    validate: () => ({ ...stepErrors(draft.step), rationale: rationaleProblem(draft.rationale, 'the step is added') }),
    send: () =>
      reportingConflict(
        add({ taskId, expectedVersion: planVersion, step: stepInput(draft.step), rationale: draft.rationale.trim() }),
        onConflict,
      ),
    onSuccess: () => {
      clear();
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError ?? form.errors.step} fieldCount={form.fieldCount} />
      <StepFields
        step={draft.step}
        legend={`Step ${number}`}
        names={`new-${taskId}`}
        at=""
        errors={form.errors}
        onChange={(patch) => setDraft({ ...draft, step: { ...draft.step, ...patch } })}
      />
      <TextArea
        name="rationale"
        label="Why add this step"
        required
        rows={2}
        value={draft.rationale}
        onChange={(rationale) => setDraft({ ...draft, rationale })}
        error={form.errors.rationale}
      />
      <SubmitButton busy={form.busy}>Add the step</SubmitButton>
    </form>
  );
}
