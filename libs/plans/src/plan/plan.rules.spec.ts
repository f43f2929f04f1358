import { isAppError } from '@caseflow/core';
import { checkGoal, checkGoals, dateWindow, missingSmart, PLAN_LIMITS } from './plan.rules';

const created = new Date('2019-11-23T10:00:00Z');
const window = dateWindow(created);
const smart = { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true };
const goal = (overrides: Record<string, unknown> = {}) => ({
  description: 'Find stable housing',
  term: 'MID' as const,
  targetDate: '2020-03-01',
  smart,
  tasks: [{ title: 'Search', steps: [{ description: 'Call the housing worker', dueDate: '2019-11-30' }] }],
  ...overrides,
});

function refusal(fn: () => unknown): { field: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    if (isAppError(error) && error.code === 'BAD_USER_INPUT') return { field: error.details.field, message: error.message };
    throw error;
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('plan input validation', () => {
  it('allows dates from the day before the plan was made to ten years after', () => {
    expect(window).toEqual({ earliest: '2019-11-22', latest: '2029-11-23' });
  });

  it('trims texts, turns empty optional texts into null and keeps the SMART answers', () => {
    const draft = checkGoal(
      'goal',
      goal({
        description: '  Find housing ',
        tasks: [{ title: ' Search ', steps: [{ description: ' Call ', estimatedTime: ' ', whoHelps: ' Worker ' }] }],
      }),
      window,
    );
    expect(draft).toEqual({
      description: 'Find housing',
      term: 'MID',
      targetDate: '2020-03-01',
      smart,
      tasks: [{ title: 'Search', steps: [{ description: 'Call', estimatedTime: null, dueDate: null, whoHelps: 'Worker' }] }],
    });
  });

  it('names the field of a bad date, text or list size', () => {
    expect(refusal(() => checkGoal('goal', goal({ targetDate: '2019-11-21' }), window)).field).toBe('goal.targetDate');
    expect(refusal(() => checkGoal('goal', goal({ targetDate: '2029-11-24' }), window)).field).toBe('goal.targetDate');
    expect(refusal(() => checkGoal('goal', goal({ description: '   ' }), window)).field).toBe('goal.description');
    expect(refusal(() => checkGoal('goal', goal({ description: 'x'.repeat(2001) }), window)).field).toBe('goal.description');
    const lateStep = goal({
      tasks: [
        { title: 'A', steps: [] },
        { title: 'B', steps: [{ description: 'x' }, { description: 'y', dueDate: '2019-01-01' }] },
      ],
    });
    expect(refusal(() => checkGoals('input.goals', [goal(), lateStep], window)).field).toBe('input.goals[1].tasks[1].steps[1].dueDate');
    expect(
      refusal(() =>
        checkGoal('goal', goal({ tasks: [{ title: 'A', steps: [{ description: 'x', estimatedTime: 'y'.repeat(201) }] }] }), window),
      ).field,
    ).toBe('goal.tasks[0].steps[0].estimatedTime');
  });

  it('refuses more than 20 goals, 20 tasks per goal or 50 steps per task', () => {
    expect(
      refusal(() =>
        checkGoals(
          'input.goals',
          Array.from({ length: PLAN_LIMITS.goals + 1 }, () => goal()),
          window,
        ),
      ).field,
    ).toBe('input.goals');
    const tasks = Array.from({ length: 21 }, () => ({ title: 'T', steps: [] }));
    expect(refusal(() => checkGoal('goal', goal({ tasks }), window)).field).toBe('goal.tasks');
    const steps = Array.from({ length: 51 }, () => ({ description: 'S' }));
    expect(refusal(() => checkGoal('goal', goal({ tasks: [{ title: 'T', steps }] }), window)).field).toBe('goal.tasks[0].steps');
    expect(
      checkGoals(
        'input.goals',
        Array.from({ length: 20 }, () => goal()),
        window,
      ),
    ).toHaveLength(20);
  });

  it('lists the SMART answers a goal still lacks', () => {
    expect(missingSmart(smart)).toEqual([]);
    expect(missingSmart({ ...smart, measurable: false, timeLimited: false })).toEqual(['measurable', 'timeLimited']);
  });
});
