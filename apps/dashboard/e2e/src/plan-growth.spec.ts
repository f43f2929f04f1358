/**
 * A plan grows without a new goal: casey adds a major task (with a step) to
 * an open goal of her client's active plan, then a step to that task; both
 * are listed after a reload, with the changes in the plan's history. The
 * plan page is checked with axe with each form open. Every wait is on
 * something the page shows; dates are relative to today on the agency's
 * clock.
 */
import type { Page } from 'playwright-core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { checkPage, signIn } from './browser';
import { browserSession } from './session';

const session = browserSession();
let casey: Page;
const TASK = 'Practise the bus route to the warehouse';
const FIRST_STEP = 'Ride the 14 bus with the job coach';
const SECOND_STEP = 'Buy a monthly bus pass';
const inDays = (n: number) => addDays(localDay(new Date(), HARBOUR_TIME_ZONE), n);

/** The current plan's first open goal that takes new work (it has an "Add a task" button). */
const openGoal = () =>
  casey
    .locator('li.goal')
    .filter({ has: casey.getByRole('button', { name: /^Add a task/ }) })
    .first();
const newTask = () => casey.locator('.task').filter({ has: casey.getByRole('heading', { level: 5, name: TASK }) });

describe('growing an action plan in a browser', () => {
  it('casey adds a major task with its first step to an open goal', async () => {
    casey = await signIn(session.browser, session.env.url, 'Casey Morgan');
    await casey.getByRole('heading', { name: 'My caseload' }).waitFor();
    await casey.locator('table.caseload tbody tr').first().getByRole('link').first().click();
    await casey.getByRole('navigation', { name: 'Parts of the client file' }).waitFor();
    await casey.getByRole('link', { name: 'Action plan' }).click();
    await casey.locator('table.steps').first().waitFor();

    const goalName = (await openGoal().getByRole('heading', { level: 4 }).textContent())!.trim();
    // Held by its heading: once open, its button reads "Close the new task".
    const goal = casey
      .locator('li.goal')
      .filter({ has: casey.getByRole('heading', { level: 4, name: goalName, exact: true }) })
      .first();
    const tasksBefore = await goal.locator('.task').count();
    await goal.getByRole('button', { name: /^Add a task/ }).click();
    const form = goal.locator('form').filter({ has: casey.getByRole('button', { name: 'Add the task' }) });
    await form.getByRole('group', { name: `Major task ${tasksBefore + 1}` }).waitFor();
    await checkPage(casey, 'plan-growth-01-add-task-form');

    await form.getByRole('button', { name: 'Add the task' }).click();
    await form.getByText('The task is required.').waitFor();
    expect(await form.getByLabel(/^Task/).getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel(/^Why add this task/).waitFor();

    await form.getByLabel(/^Task/).fill(TASK);
    await form.getByLabel(/^Step/).fill(FIRST_STEP);
    await form.getByLabel(/^Estimated time/).fill('One morning');
    await form.getByLabel(/^Due/).fill(inDays(5));
    await form.getByLabel(/^Who helps/).fill('Job coach');
    await form.getByLabel(/^Why add this task/).fill('The new job starts at the warehouse next month.');
    await form.getByRole('button', { name: 'Add the task' }).click();
    await casey.getByText(`The task was added to “${goalName}”.`).waitFor();
    await newTask()
      .getByRole('rowheader', { name: new RegExp(FIRST_STEP) })
      .waitFor();
  });

  it('casey adds a step to that task; after a reload both are listed, with the changes in the history', async () => {
    await newTask()
      .getByRole('button', { name: new RegExp(`^Add a step to “${TASK}”`) })
      .click();
    const form = newTask().locator('form');
    await form.getByRole('group', { name: 'Step 2' }).waitFor();
    await checkPage(casey, 'plan-growth-02-add-step-form');

    await form.getByLabel(/^Step/).fill(SECOND_STEP);
    await form.getByLabel(/^Due/).fill(inDays(3));
    await form.getByLabel(/^Why add this step/).fill('Cheaper than daily fares.');
    await form.getByRole('button', { name: 'Add the step' }).click();
    await casey.getByText(`The step was added to “${TASK}”.`).waitFor();

    await casey.reload();
    await newTask().waitFor();
    const steps = newTask().locator('table.steps tbody tr th');
    expect((await steps.allTextContents()).map((t) => t.trim())).toEqual([`${FIRST_STEP}One morning · with Job coach`, SECOND_STEP]);
    const history = casey.locator('details.revisions').first();
    await history.locator('summary').click();
    await history.getByText(`Step added to task "${TASK}": "${SECOND_STEP}", due ${inDays(3)}`).waitFor();
    await history.getByText(new RegExp(`Task added to goal ".*": "${TASK}" \\(1 step\\(s\\)\\)`)).waitFor();
    await checkPage(casey, 'plan-growth-03-after-reload');
  });
});
