/** A goal with its SMART check, major tasks and steps: for a new plan, or added to a plan with a rationale. */
import { useState } from 'react';
import { useMutation } from 'urql';
import { AddGoalDocument, CreateActionPlanDocument, GoalTermValues } from '../../../graphql/generated';
import { label } from '../../../lib/labels';
import {
  EMPTY_STEP,
  type GoalValues,
  SMART_KEYS,
  SMART_LABELS,
  type StepValues,
  type TaskValues,
  emptyGoal,
  emptyTask,
  goalErrors,
  goalInput,
  isGoalField,
} from '../../../lib/plan';
import { ChoiceGroup, FormProblems, SelectField, SubmitButton, TextArea, TextField } from '../../../ui/fields';
import { useFormSubmit } from '../../../ui/form';
import { useDraft } from '../../../ui/hooks';
import { AdditionForm, type AdditionProps } from './AdditionForm';

export function GoalFields({
  goal,
  onChange,
  errors,
}: {
  goal: GoalValues;
  onChange(goal: GoalValues): void;
  errors: Record<string, string>;
}) {
  const setTask = (t: number, patch: Partial<GoalValues['tasks'][number]>) =>
    onChange({ ...goal, tasks: goal.tasks.map((x, i) => (i === t ? { ...x, ...patch } : x)) });
  return (
    <div className="goal-fields">
      <TextArea
        name="goal"
        label="Goal"
        required
        rows={2}
        value={goal.description}
        onChange={(description) => onChange({ ...goal, description })}
        error={errors.description}
        hint="What the client wants to achieve, in their words."
      />
      <div className="grid-2">
        <SelectField
          name="term"
          label="Term"
          required
          value={goal.term}
          onChange={(term) => onChange({ ...goal, term: term as GoalValues['term'] })}
          placeholder="Choose…"
          options={GoalTermValues.map((t) => ({ value: t, label: label(t) }))}
          error={errors.term}
        />
        <TextField
          name="targetDate"
          type="date"
          label="Target date"
          value={goal.targetDate}
          onChange={(targetDate) => onChange({ ...goal, targetDate })}
          error={errors.targetDate}
        />
      </div>
      <ChoiceGroup
        legend="SMART check: the goal is…"
        name="smart"
        type="checkbox"
        inline
        options={SMART_KEYS.map((k) => ({ value: k, label: SMART_LABELS[k] }))}
        value={SMART_KEYS.filter((k) => goal.smart[k])}
        onChange={(keys) =>
          onChange({ ...goal, smart: Object.fromEntries(SMART_KEYS.map((k) => [k, keys.includes(k)])) as GoalValues['smart'] })
        }
        hint="A goal that is not SMART yet is kept, and the plan reminds you of it."
      />
      {goal.tasks.map((task, t) => (
        <TaskFields
          key={t}
          task={task}
          number={t + 1}
          names={`${t}`}
          at={`tasks[${t}].`}
          onChange={(patch) => setTask(t, patch)}
          errors={errors}
          onRemove={goal.tasks.length > 1 ? () => onChange({ ...goal, tasks: goal.tasks.filter((_, i) => i !== t) }) : undefined}
        />
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange({ ...goal, tasks: [...goal.tasks, emptyTask()] })}>
        Add a major task
      </button>
    </div>
  );
}

/**
 * A major task with its steps. `at` prefixes the error names as the plans
 * subgraph gives them (`tasks[0].` in a goal, nothing for a task on its own);
 * `names` keeps the inputs' names apart when a form has several tasks.
 */
export function TaskFields({
  task,
  number,
  names,
  at,
  onChange,
  errors,
  onRemove,
}: {
  task: TaskValues;
  number: number;
  names: string;
  at: string;
  onChange(patch: Partial<TaskValues>): void;
  errors: Record<string, string>;
  onRemove?(): void;
}) {
  return (
    <fieldset className="task-fields">
      <legend>Major task {number}</legend>
      <TextField
        name={`task-${names}`}
        label="Task"
        required
        value={task.title}
        onChange={(title) => onChange({ title })}
        error={errors[`${at}title`]}
      />
      {task.steps.map((step, s) => (
        <StepFields
          key={s}
          step={step}
          legend={`Step ${s + 1}`}
          names={`${names}-${s}`}
          at={`${at}steps[${s}].`}
          errors={errors}
          onChange={(patch) => onChange({ steps: task.steps.map((x, i) => (i === s ? { ...x, ...patch } : x)) })}
          onRemove={task.steps.length > 1 ? () => onChange({ steps: task.steps.filter((_, i) => i !== s) }) : undefined}
        />
      ))}
      {errors[`${at}steps`] ? (
        <p className="field-error" role="alert">
          {errors[`${at}steps`]}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button secondary small" onClick={() => onChange({ steps: [...task.steps, { ...EMPTY_STEP }] })}>
          Add a step to task {number}
        </button>
        {onRemove ? (
          <button type="button" className="button link" onClick={onRemove}>
            Remove task {number}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

/** One step: what, how long, when, with whom. */
export function StepFields({
  step,
  legend,
  names,
  at,
  onChange,
  errors,
  onRemove,
}: {
  step: StepValues;
  legend: string;
  names: string;
  at: string;
  onChange(patch: Partial<StepValues>): void;
  errors: Record<string, string>;
  onRemove?(): void;
}) {
  return (
    <fieldset className="row-fields step-fields">
      <legend>{legend}</legend>
      <TextField
        name={`step-${names}`}
        label="Step"
        required
        value={step.description}
        onChange={(description) => onChange({ description })}
        error={errors[`${at}description`]}
      />
      <TextField
        name={`time-${names}`}
        label="Estimated time"
        value={step.estimatedTime}
        onChange={(estimatedTime) => onChange({ estimatedTime })}
        error={errors[`${at}estimatedTime`]}
      />
      <TextField
        name={`due-${names}`}
        type="date"
        label="Due"
        value={step.dueDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={errors[`${at}dueDate`]}
      />
      <TextField
        name={`who-${names}`}
        label="Who helps"
        value={step.whoHelps}
        onChange={(whoHelps) => onChange({ whoHelps })}
        error={errors[`${at}whoHelps`]}
      />
      {onRemove ? (
        <button type="button" className="button link" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </button>
      ) : null}
    </fieldset>
  );
}

/** A new plan with its first goal; active at once unless kept as a draft. */
export function CreatePlanForm({
  clientId,
  onDone,
  formKey = 'plan',
}: {
  clientId: string;
  onDone(planId: string): void;
  formKey?: string;
}) {
  const [goal, setGoal, clear] = useDraft<GoalValues>(`${formKey}.${clientId}`, emptyGoal);
  const [activate, setActivate] = useState(true);
  const [, create] = useMutation(CreateActionPlanDocument);
  const form = useFormSubmit({
    fields: isGoalField,
    strip: /^input\.goals\[0\]\./,
    validate: () => goalErrors(goal),
    send: () => create({ input: { clientId, goals: [goalInput(goal)], activate } }),
    onSuccess: (data) => {
      clear();
      onDone(data?.createActionPlan.id ?? '');
    },
  });
  return (
    <form onSubmit={form.submit} noValidate className="form">
      <FormProblems message={form.formError} fieldCount={form.fieldCount} />
      <GoalFields goal={goal} onChange={setGoal} errors={form.errors} />
      <ChoiceGroup
        legend="When the plan is saved"
        name="activate"
        type="radio"
        options={[
          { value: 'active', label: 'Make it the active plan (the current active plan is completed)' },
          { value: 'draft', label: 'Keep it as a draft' },
        ]}
        value={[activate ? 'active' : 'draft']}
        onChange={(v) => setActivate(v[0] === 'active')}
      />
      <SubmitButton busy={form.busy}>Create the plan</SubmitButton>
    </form>
  );
}

export function AddGoalForm({ planId, planVersion, ...done }: AdditionProps & { planId: string }) {
  const [, add] = useMutation(AddGoalDocument);
  return (
    <AdditionForm
      kind="goal"
      draftKey={`goal.add.${planId}`}
      empty={emptyGoal}
      isField={isGoalField}
      problems={(goal) => goalErrors(goal)}
      send={(goal, rationale) => add({ planId, expectedVersion: planVersion, goal: goalInput(goal), rationale })}
      fields={(goal, onChange, errors) => <GoalFields goal={goal} onChange={onChange} errors={errors} />}
      {...done}
    />
  );
}
