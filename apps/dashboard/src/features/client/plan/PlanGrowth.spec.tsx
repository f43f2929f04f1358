import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { today } from '../../../lib/dates';
import { CLIENT_ID, plans, profile } from '../../../testing/fixtures';
import { fakeGateway, renderApp } from '../../../testing/harness';

const base = { ClientProfile: () => ({ data: profile() }), ClientPlans: () => ({ data: plans() }) };
const inDays = (n: number) => today(new Date(Date.now() + n * 86_400_000));
const formOf = (button: string) => screen.getByRole('button', { name: button }).closest('form') as HTMLFormElement;

describe('growing a plan', () => {
  it('adds a step to a task: the server’s field error beside its field, then the step sent at the version shown', async () => {
    let refused = true;
    const gateway = fakeGateway({
      ...base,
      AddStep: () =>
        refused
          ? { errors: [{ message: 'step.dueDate must be a later date', extensions: { code: 'BAD_USER_INPUT', field: 'step.dueDate' } }] }
          : { data: { addStep: { id: 'plan-1', version: 4 } } },
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a step to “Build a job-search routine”' }));
    const form = formOf('Add the step');
    expect(within(form).getByRole('group', { name: 'Step 3' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add the step' }));
    expect(await within(form).findByText('The step is required.')).toBeTruthy();
    expect(await within(form).findByText('Say why the step is added; it is kept in the plan history.')).toBeTruthy();
    expect(gateway.called('AddStep')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/^Step/), { target: { value: ' Call the employer ' } });
    fireEvent.change(within(form).getByLabelText(/^Due/), { target: { value: inDays(4) } });
    fireEvent.change(within(form).getByLabelText(/^Why add this step/), { target: { value: 'Agreed today' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the step' }));
    expect(await within(form).findByText('Must be a later date.')).toBeTruthy();
    expect(within(form).getByLabelText(/^Due/).getAttribute('aria-invalid')).toBe('true');

    refused = false;
    const plansAsked = gateway.called('ClientPlans').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Add the step' }));
    expect(await screen.findByText('The step was added to “Build a job-search routine”.')).toBeTruthy();
    expect(gateway.called('AddStep')[1].variables).toEqual({
      taskId: 'task-1',
      expectedVersion: 3,
      step: { description: 'Call the employer', estimatedTime: null, dueDate: inDays(4), whoHelps: null },
      rationale: 'Agreed today',
    });
    await waitFor(() => expect(gateway.called('ClientPlans').length).toBeGreaterThan(plansAsked));
  });

  it('adds a task to a goal; a stale version reloads the plan and says so', async () => {
    const gateway = fakeGateway({
      ...base,
      AddTask: () => ({ errors: [{ message: 'The plan changed', extensions: { code: 'CONFLICT', currentVersion: 4 } }] }),
    });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Add a task to “Obtain a class 5 driver licence”' }));
    const form = formOf('Add the task');
    fireEvent.change(within(form).getByLabelText(/^Task/), { target: { value: 'Book the road test' } });
    fireEvent.change(within(form).getByLabelText(/^Step/), { target: { value: 'Pay the fee' } });
    fireEvent.change(within(form).getByLabelText(/^Why add this task/), { target: { value: 'Ready for the test' } });
    const plansAsked = gateway.called('ClientPlans').length;
    fireEvent.click(within(form).getByRole('button', { name: 'Add the task' }));
    expect(await screen.findByText(/Someone else changed this plan since you opened it/)).toBeTruthy();
    expect(gateway.called('AddTask')[0].variables).toEqual({
      goalId: 'goal-1',
      expectedVersion: 3,
      task: { title: 'Book the road test', steps: [{ description: 'Pay the fee', estimatedTime: null, dueDate: null, whoHelps: null }] },
      rationale: 'Ready for the test',
    });
    await waitFor(() => expect(gateway.called('ClientPlans').length).toBeGreaterThan(plansAsked));
  });

  it('offers no new task or step on a closed goal', async () => {
    const achieved = plans().client!.actionPlans![0].goals.map((g) => ({ ...g, status: 'ACHIEVED' as const }));
    const gateway = fakeGateway({ ...base, ClientPlans: () => ({ data: plans({ goals: achieved }) }) });
    renderApp({ path: `/clients/${CLIENT_ID}?tab=plan`, as: 'casey', gateway });
    await screen.findByRole('button', { name: 'Re-open the goal' });
    expect(screen.queryByRole('button', { name: /^Add a (task|step)/ })).toBeNull();
  });
});
