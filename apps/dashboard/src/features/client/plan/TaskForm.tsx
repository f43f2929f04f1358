/** Growing a plan without a new goal: a major task added to a goal, a step added to a task, each with why. */
import { useMutation } from 'urql';
import { AddStepDocument, AddTaskDocument } from '../../../graphql/generated';
import { EMPTY_STEP, emptyTask, isStepField, isTaskField, stepErrors, stepInput, taskErrors, taskInput } from '../../../lib/plan';
import { AdditionForm, type AdditionProps } from './AdditionForm';
import { StepFields, TaskFields } from './GoalForm';

export function AddTaskForm({ goalId, number, planVersion, ...done }: AdditionProps & { goalId: string; number: number }) {
  const [, add] = useMutation(AddTaskDocument);
  return (
    <AdditionForm
      kind="task"
      draftKey={`task.${goalId}`}
      empty={emptyTask}
      isField={isTaskField}
      problems={(task) => taskErrors(task)}
      send={(task, rationale) => add({ goalId, expectedVersion: planVersion, task: taskInput(task), rationale })}
      fields={(task, onChange, errors) => (
        <TaskFields
          task={task}
          number={number}
          names={`new-${goalId}`}
          at=""
          errors={errors}
          onChange={(patch) => onChange({ ...task, ...patch })}
        />
      )}
      {...done}
    />
  );
}

export function AddStepForm({ taskId, number, planVersion, ...done }: AdditionProps & { taskId: string; number: number }) {
  const [, add] = useMutation(AddStepDocument);
  return (
    <AdditionForm
      kind="step"
      draftKey={`step.new.${taskId}`}
      empty={() => ({ ...EMPTY_STEP })}
      isField={isStepField}
      problems={(step) => stepErrors(step)}
      send={(step, rationale) => add({ taskId, expectedVersion: planVersion, step: stepInput(step), rationale })}
      fields={(step, onChange, errors) => (
        <StepFields
          step={step}
          legend={`Step ${number}`}
          names={`new-${taskId}`}
          at=""
          errors={errors}
          onChange={(patch) => onChange({ ...step, ...patch })}
        />
      )}
      {...done}
    />
  );
}
