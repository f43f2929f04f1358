import {
  EMPTY_STEP,
  emptyGoal,
  emptyTask,
  goalErrors,
  goalInput,
  goalMoves,
  isGoalField,
  isStepField,
  isTaskField,
  rationaleProblem,
  stepChangeErrors,
  stepErrors,
  stepInput,
  stepUpdate,
  taskErrors,
  taskInput,
} from './plan';

const now = new Date(2018, 10, 23, 10, 0);
const step = { outcome: 'NOT_STARTED' as const, dueDate: '2018-11-21', completedAt: null };

describe('step changes', () => {
  it('needs a rationale, and a new due date (today or later) to bring a step forward', () => {
    expect(
      stepChangeErrors(
        { outcome: 'BROUGHT_FORWARD', dueDate: '2018-11-30', completedAt: '', rationale: '' },
        { ...step, dueDate: '2018-11-30' },
        now,
      ),
    ).toEqual({
      rationale: expect.stringContaining('Say why'),
      dueDate: 'Choose a due date other than the current one.',
    });
    expect(
      stepChangeErrors({ outcome: 'BROUGHT_FORWARD', dueDate: '2018-11-20', completedAt: '', rationale: 'x' }, step, now).dueDate,
    ).toBe('The new due date must be today or later.');
    expect(
      stepChangeErrors({ outcome: 'COMPLETE', dueDate: '2018-11-21', completedAt: '2018-11-24', rationale: 'done' }, step, now),
    ).toEqual({ completedAt: 'The completion date must not be in the future.' });
    expect(stepChangeErrors({ outcome: 'NOT_STARTED', dueDate: '2018-11-21', completedAt: '', rationale: 'why' }, step, now)).toEqual({
      outcome: 'Change the outcome or the due date.',
    });
  });

  it('sends only what changes', () => {
    expect(
      stepUpdate({ outcome: 'COMPLETE', dueDate: '2018-11-21', completedAt: '2018-11-23', rationale: ' Done together ' }, step),
    ).toEqual({ outcome: 'COMPLETE', completedAt: '2018-11-23', rationale: 'Done together' });
    expect(stepUpdate({ outcome: 'BROUGHT_FORWARD', dueDate: '2018-12-01', completedAt: '2018-11-23', rationale: 'Later' }, step)).toEqual({
      outcome: 'BROUGHT_FORWARD',
      dueDate: '2018-12-01',
      rationale: 'Later',
    });
  });
});

describe('goals', () => {
  it('names problems as the plans subgraph does, relative to the goal', () => {
    const goal = {
      ...emptyGoal(),
      description: 'Find work',
      tasks: [{ title: '', steps: [{ description: '', estimatedTime: '', dueDate: '2018-11-01', whoHelps: '' }] }],
    };
    expect(goalErrors(goal, now)).toEqual({
      term: 'Choose the term.',
      'tasks[0].title': 'The task is required.',
      'tasks[0].steps[0].description': 'The step is required.',
      'tasks[0].steps[0].dueDate': 'The date must not be in the past.',
    });
    for (const field of Object.keys(goalErrors(goal, now))) expect(isGoalField(field)).toBe(true);
    expect(isGoalField('tasks[3].steps[12].whoHelps')).toBe(true);
    expect(isGoalField('rationale')).toBe(false);
  });

  it('builds the GoalInput with empty optional fields as null', () => {
    const goal = {
      ...emptyGoal(),
      description: ' Find work ',
      term: 'SHORT' as const,
      tasks: [{ title: 'Resume', steps: [{ description: 'Write it', estimatedTime: '', dueDate: '', whoHelps: ' Casey ' }] }],
    };
    expect(goalInput(goal)).toEqual({
      description: 'Find work',
      term: 'SHORT',
      targetDate: null,
      smart: { specific: false, measurable: false, achievable: false, relevant: false, timeLimited: false },
      tasks: [{ title: 'Resume', steps: [{ description: 'Write it', estimatedTime: null, dueDate: null, whoHelps: 'Casey' }] }],
    });
  });

  it('offers closing an open goal and re-opening a closed one', () => {
    expect(goalMoves('OPEN')).toEqual(['ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED']);
    expect(goalMoves('ACHIEVED')).toEqual(['OPEN']);
  });
});

describe('a task or a step added to a plan', () => {
  it('names problems as the plans subgraph does, relative to the task or the step', () => {
    const task = { title: ' ', steps: [{ ...EMPTY_STEP, description: 'Call', dueDate: '2018-11-01', whoHelps: 'x'.repeat(501) }] };
    expect(taskErrors(task, '', now)).toEqual({
      title: 'The task is required.',
      'steps[0].dueDate': 'The date must not be in the past.',
      'steps[0].whoHelps': 'Use at most 500 characters.',
    });
    for (const field of Object.keys(taskErrors(task, '', now))) expect(isTaskField(field)).toBe(true);
    expect(
      taskErrors({ ...emptyTask(), title: 'T', steps: Array.from({ length: 51 }, () => ({ ...EMPTY_STEP, description: 'S' })) }, '', now),
    ).toEqual({
      steps: 'A task has at most 50 steps.',
    });
    expect(stepErrors({ ...EMPTY_STEP, estimatedTime: 'x'.repeat(201) }, '', now)).toEqual({
      description: 'The step is required.',
      estimatedTime: 'Use at most 200 characters.',
    });
    expect(['description', 'estimatedTime', 'dueDate', 'whoHelps'].every(isStepField)).toBe(true);
    expect(isStepField('steps[0].description') || isTaskField('rationale') || isTaskField('tasks[0].title')).toBe(false);
  });

  it('asks for the rationale, and builds the inputs with empty optional fields as null', () => {
    expect(rationaleProblem('  ', 'the task is added')).toBe('Say why the task is added; it is kept in the plan history.');
    expect(rationaleProblem('x'.repeat(2001), 'the step is added')).toBe('Use at most 2,000 characters.');
    expect(rationaleProblem(' Agreed ', 'the step is added')).toBeUndefined();
    const step = { description: ' Call ', estimatedTime: ' ', dueDate: '', whoHelps: ' Coach ' };
    expect(stepInput(step)).toEqual({ description: 'Call', estimatedTime: null, dueDate: null, whoHelps: 'Coach' });
    expect(taskInput({ title: ' Bus route ', steps: [step] })).toEqual({
      title: 'Bus route',
      steps: [{ description: 'Call', estimatedTime: null, dueDate: null, whoHelps: 'Coach' }],
    });
  });
});
