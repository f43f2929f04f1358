/**
 * One action plan: progress, goals → major tasks → steps with their
 * outcomes (overdue steps highlighted), SMART prompts, changes to steps and
 * goals, new tasks and steps, and the plan's revisions. Every change names the version read; a
 * stale one reloads the plan and says so. The client's agreement to the
 * version shown, or that it is awaited.
 */
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { messageOf } from '../../../api/errors';
import { ActivatePlanDocument, type ClientPlansQuery, type GoalStatus, SetGoalStatusDocument } from '../../../graphql/generated';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { label, plural } from '../../../lib/labels';
import { SMART_KEYS, SMART_LABELS, goalMoves } from '../../../lib/plan';
import { Badge, ProgressBar } from '../../../ui/badges';
import { Disclosure, closeOnEscape } from '../../../ui/disclosure';
import { SelectField, TextArea } from '../../../ui/fields';
import { useLocalPages } from '../../../ui/hooks';
import { LocalPager } from '../../../ui/pager';
import { AgreementPanel } from './AgreementPanel';
import { AddGoalForm } from './GoalForm';
import { StepForm } from './StepForm';
import { AddStepForm, AddTaskForm } from './TaskForm';

export type Plan = NonNullable<NonNullable<ClientPlansQuery['client']>['actionPlans']>[number];
type Goal = Plan['goals'][number];

export function PlanView({ plan, onChanged, onConflict }: { plan: Plan; onChanged(message: string): void; onConflict(): void }) {
  const editable = plan.status === 'ACTIVE' || plan.status === 'DRAFT';
  const notSmart = new Set(plan.goalsNotSmart.map((g) => g.id));
  return (
    <article className={`plan plan-${plan.status.toLowerCase()}`} aria-labelledby={`plan-${plan.id}`}>
      <header className="plan-head">
        <h3 id={`plan-${plan.id}`}>
          {label(plan.status)} plan{' '}
          <span className="muted small">
            created {formatDateTime(plan.createdAt)}
            {plan.createdBy ? ` by ${plan.createdBy.displayName}` : ''} · version {plan.version}
          </span>
        </h3>
        <ProgressBar percent={plan.progress.percentComplete} label={`Progress of the ${label(plan.status).toLowerCase()} plan`} />
        <p className="small">
          {plan.progress.goalsAchieved} of {plural(plan.progress.goalsTotal, 'goal')} achieved · {plan.progress.stepsComplete} of{' '}
          {plural(plan.progress.stepsTotal, 'step')} complete
          {plan.progress.overdueSteps ? <strong className="overdue"> · {plural(plan.progress.overdueSteps, 'overdue step')}</strong> : null}
        </p>
      </header>
      <AgreementPanel plan={plan} onChanged={onChanged} onConflict={onConflict} />
      {editable && notSmart.size ? (
        <p className="notice warning" role="note">
          {plural(notSmart.size, 'open goal')} {notSmart.size === 1 ? 'is' : 'are'} not SMART yet: make{' '}
          {notSmart.size === 1 ? 'it' : 'them'} specific, measurable, achievable, relevant and time-limited with the client.
        </p>
      ) : null}
      {plan.status === 'DRAFT' ? (
        <ActivatePlan plan={plan} onDone={() => onChanged('The plan is now active.')} onConflict={onConflict} />
      ) : null}
      <ol className="goals">
        {plan.goals.map((goal) => (
          <GoalItem
            key={goal.id}
            goal={goal}
            plan={plan}
            editable={editable}
            notSmart={notSmart.has(goal.id)}
            onChanged={onChanged}
            onConflict={onConflict}
          />
        ))}
      </ol>
      {editable ? (
        <Disclosure label="Add a goal" openLabel="Close the new goal">
          {(close) => (
            <AddGoalForm
              planId={plan.id}
              planVersion={plan.version}
              onConflict={onConflict}
              onDone={() => {
                close();
                onChanged('The goal was added to the plan.');
              }}
            />
          )}
        </Disclosure>
      ) : null}
      <Revisions plan={plan} />
    </article>
  );
}

function GoalItem({
  goal,
  plan,
  editable,
  notSmart,
  onChanged,
  onConflict,
}: {
  goal: Goal;
  plan: Plan;
  editable: boolean;
  notSmart: boolean;
  onChanged(m: string): void;
  onConflict(): void;
}) {
  // New work goes to open goals only: a closed goal is re-opened first.
  const growing = editable && goal.status === 'OPEN';
  return (
    <li className="goal">
      <div className="goal-head">
        <h4>{goal.description}</h4>
        <p className="small">
          <Badge value={goal.status} /> {label(goal.term)} · target {formatDate(goal.targetDate)}
        </p>
        <ul className="smart" aria-label="SMART check">
          {SMART_KEYS.map((k) => (
            <li key={k} className={goal.smart[k] ? 'yes' : 'no'}>
              <span aria-hidden="true">{goal.smart[k] ? '✓' : '✗'}</span> {SMART_LABELS[k]}
              <span className="visually-hidden">: {goal.smart[k] ? 'yes' : 'not yet'}</span>
            </li>
          ))}
        </ul>
        {notSmart ? (
          <p className="warning-text small">Not SMART yet: {goal.smart.missing.map((m) => label(m).toLowerCase()).join(', ')}.</p>
        ) : null}
        {editable ? <GoalStatusControl goal={goal} plan={plan} onChanged={onChanged} onConflict={onConflict} /> : null}
      </div>
      {goal.tasks.map((task) => (
        <div key={task.id} className="task">
          <h5>{task.title}</h5>
          <table className="table steps">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Outcome</th>
                <th scope="col">Due</th>
                <th scope="col">Done</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {task.steps.map((step) => (
                <StepRow
                  key={step.id}
                  step={step}
                  plan={plan}
                  editable={editable && goal.status === 'OPEN'}
                  onChanged={onChanged}
                  onConflict={onConflict}
                />
              ))}
            </tbody>
          </table>
          {growing ? (
            <Disclosure
              label={
                <>
                  Add a step<span className="visually-hidden"> to “{task.title}”</span>
                </>
              }
              openLabel="Close the new step"
            >
              {(close) => (
                <AddStepForm
                  taskId={task.id}
                  number={task.steps.length + 1}
                  planVersion={plan.version}
                  onConflict={onConflict}
                  onDone={() => {
                    close();
                    onChanged(`The step was added to “${task.title}”.`);
                  }}
                />
              )}
            </Disclosure>
          ) : null}
        </div>
      ))}
      {growing ? (
        <Disclosure
          label={
            <>
              Add a task<span className="visually-hidden"> to “{goal.description}”</span>
            </>
          }
          openLabel="Close the new task"
        >
          {(close) => (
            <AddTaskForm
              goalId={goal.id}
              number={goal.tasks.length + 1}
              planVersion={plan.version}
              onConflict={onConflict}
              onDone={() => {
                close();
                onChanged(`The task was added to “${goal.description}”.`);
              }}
            />
          )}
        </Disclosure>
      ) : null}
    </li>
  );
}

type Step = Goal['tasks'][number]['steps'][number];

/** A step, and under it (the whole width of the table) the form that changes it. */
function StepRow({
  step,
  plan,
  editable,
  onChanged,
  onConflict,
}: {
  step: Step;
  plan: Plan;
  editable: boolean;
  onChanged(m: string): void;
  onConflict(): void;
}) {
  const [editing, setEditing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const formId = `step-form-${step.id}`;
  return (
    <>
      <tr className={step.overdue ? 'row-overdue' : undefined}>
        <th scope="row" data-label="Step">
          {step.description}
          <span className="small block">
            {[step.estimatedTime, step.whoHelps ? `with ${step.whoHelps}` : null].filter(Boolean).join(' · ')}
          </span>
        </th>
        <td data-label="Outcome">
          <Badge value={step.outcome} />
          {step.overdue ? <strong className="overdue block">Overdue</strong> : null}
        </td>
        <td data-label="Due">{formatDate(step.dueDate)}</td>
        <td data-label="Done">{formatDate(step.completedAt)}</td>
        <td data-label="Change">
          {editable ? (
            <button
              ref={opener}
              type="button"
              className="button secondary small"
              aria-expanded={editing}
              aria-controls={formId}
              onClick={() => setEditing(!editing)}
            >
              {editing ? 'Cancel' : 'Update step'}
              <span className="visually-hidden">: {step.description}</span>
            </button>
          ) : null}
        </td>
      </tr>
      {editing ? (
        <tr className="form-row" id={formId} onKeyDown={closeOnEscape(editing, () => setEditing(false), opener)}>
          <td colSpan={5}>
            <StepForm
              step={step}
              planVersion={plan.version}
              onConflict={onConflict}
              onDone={() => {
                setEditing(false);
                onChanged(`Step “${step.description}” saved.`);
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function GoalStatusControl({
  goal,
  plan,
  onChanged,
  onConflict,
}: {
  goal: Goal;
  plan: Plan;
  onChanged(m: string): void;
  onConflict(): void;
}) {
  const moves = goalMoves(goal.status);
  const [status, setStatus] = useState<GoalStatus | ''>('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<{ status?: string; rationale?: string }>({});
  const [result, setGoalStatus] = useMutation(SetGoalStatusDocument);
  return (
    <Disclosure label={goal.status === 'OPEN' ? 'Close the goal' : 'Re-open the goal'} openLabel="Cancel">
      {(close) => (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = moves.length === 1 ? moves[0] : status;
            const found = {
              status: chosen ? undefined : 'Choose the new status.',
              rationale: rationale.trim() ? undefined : 'Say why; it is kept in the plan history.',
            };
            setProblem(found);
            if (found.status || found.rationale) return;
            void setGoalStatus({
              goalId: goal.id,
              expectedVersion: plan.version,
              status: chosen as GoalStatus,
              rationale: rationale.trim(),
            }).then((r) => {
              if (r.error?.graphQLErrors.some((g) => g.extensions?.code === 'CONFLICT')) onConflict();
              if (!r.error) {
                close();
                onChanged(`Goal “${goal.description}” is now ${label(chosen).toLowerCase()}.`);
              }
            });
          }}
        >
          {result.error ? (
            <p className="notice error" role="alert">
              {messageOf(result.error)}
            </p>
          ) : null}
          {moves.length > 1 ? (
            <SelectField
              name="goalStatus"
              label="New status"
              required
              value={status}
              onChange={(s) => setStatus(s as GoalStatus)}
              placeholder="Choose…"
              options={moves.map((m) => ({ value: m, label: label(m) }))}
              error={problem.status}
            />
          ) : null}
          <TextArea
            name="goalRationale"
            label="Why"
            required
            rows={2}
            value={rationale}
            onChange={setRationale}
            error={problem.rationale}
          />
          <button type="submit" className="button primary" disabled={result.fetching}>
            {moves.length === 1 ? 'Re-open the goal' : 'Save the goal status'}
          </button>
        </form>
      )}
    </Disclosure>
  );
}

function ActivatePlan({ plan, onDone, onConflict }: { plan: Plan; onDone(): void; onConflict(): void }) {
  const [result, activate] = useMutation(ActivatePlanDocument);
  return (
    <div className="notice muted">
      <p>This plan is a draft: the client's active plan is unchanged until it is activated.</p>
      <button
        type="button"
        className="button primary small"
        disabled={result.fetching}
        onClick={() =>
          void activate({ planId: plan.id, expectedVersion: plan.version, rationale: 'Plan agreed with the client.' }).then((r) => {
            if (r.error?.graphQLErrors.some((g) => g.extensions?.code === 'CONFLICT')) onConflict();
            if (!r.error) onDone();
          })
        }
      >
        {result.fetching ? 'Activating…' : 'Activate this plan'}
      </button>
      {result.error ? (
        <p className="field-error" role="alert">
          {messageOf(result.error)}
        </p>
      ) : null}
    </div>
  );
}

function Revisions({ plan }: { plan: Plan }) {
  const newestFirst = [...plan.revisions].reverse();
  const pages = useLocalPages(newestFirst, 5);
  if (!plan.revisions.length) return <p className="small muted">No changes since the plan was made.</p>;
  return (
    <details className="revisions">
      <summary>History of changes ({plan.revisions.length})</summary>
      <ol>
        {pages.items.map((r) => (
          <li key={r.id}>
            <span className="small">
              v{r.version} · {formatDateTime(r.revisedAt)} · {r.revisedBy?.displayName ?? 'someone'}
            </span>
            <p>
              <strong>{r.summary}</strong> — {r.rationale}
            </p>
          </li>
        ))}
      </ol>
      <LocalPager pages={pages} label="plan changes" />
    </details>
  );
}
