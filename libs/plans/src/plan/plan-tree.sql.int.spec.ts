import { anyOf } from '@caseflow/db';
import { GoalEntity } from '../goal/goal.entity';
import { goalsByIds, goalsOfPlans } from '../goal/goal.sql';
import { PlanStepEntity } from '../step/step.entity';
import { stepsByIds, stepsOfTasks } from '../step/step.sql';
import { PlanTaskEntity } from '../task/task.entity';
import { tasksByIds, tasksOfGoals } from '../task/task.sql';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const UNKNOWN = '00000000-0000-4000-8000-000000000999';

let bed: PlansTestbed;
const db = () => bed.t.subgraph.database.dataSource;
const byId = <R extends { id: string }>(rows: R[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
const plain = <E extends object>(entities: E[]) => entities.map((e) => ({ ...e }));
/** The nullable columns that are set on some of these rows, so that a test shows it compared their values and not only nulls. */
const setColumns = <R extends object>(rows: R[], columns: Array<keyof R>) => columns.filter((c) => rows.some((r) => r[c] !== null));

beforeAll(async () => {
  bed = await startPlansTestbed();
});

afterAll(() => bed?.stop());

describe('the plan tree as prepared reads', () => {
  it('reads goals by id and by plan as the entities they stand for: every column of every demo goal, in the loader order', async () => {
    const planIds = (await bed.sql<{ id: string }>('SELECT id FROM plans.action_plan')).map((p) => p.id);
    const goals = db().getRepository(GoalEntity);
    const all = await goals.find({ where: { planId: anyOf(planIds) }, order: { position: 'ASC', id: 'ASC' } });
    expect(all.length).toBeGreaterThan(0);
    expect(setColumns(all, ['targetDate', 'setAt'])).toEqual(['targetDate', 'setAt']);
    expect(await goalsOfPlans(db(), [...planIds, UNKNOWN])).toEqual(plain(all));
    const ids = all.map((g) => g.id);
    expect(byId(await goalsByIds(db(), [...ids, UNKNOWN]))).toEqual(byId(plain(await goals.findBy({ id: anyOf(ids) }))));
    expect(await goalsByIds(db(), [])).toEqual([]);
    expect(await goalsOfPlans(db(), [])).toEqual([]);
  });

  it('reads tasks by id and by goal as the entities they stand for: every column of every demo task, in the loader order', async () => {
    const goalIds = (await bed.sql<{ id: string }>('SELECT id FROM plans.goal')).map((g) => g.id);
    const tasks = db().getRepository(PlanTaskEntity);
    const all = await tasks.find({ where: { goalId: anyOf(goalIds) }, order: { position: 'ASC', id: 'ASC' } });
    expect(all.length).toBeGreaterThan(0);
    expect(await tasksOfGoals(db(), [...goalIds, UNKNOWN])).toEqual(plain(all));
    const ids = all.map((t) => t.id);
    expect(byId(await tasksByIds(db(), [...ids, UNKNOWN]))).toEqual(byId(plain(await tasks.findBy({ id: anyOf(ids) }))));
    expect(await tasksByIds(db(), [])).toEqual([]);
    expect(await tasksOfGoals(db(), [])).toEqual([]);
  });

  it('reads steps by id and by task as the entities they stand for: every column of every demo step, in the loader order', async () => {
    const taskIds = (await bed.sql<{ id: string }>('SELECT id FROM plans.plan_task')).map((t) => t.id);
    const steps = db().getRepository(PlanStepEntity);
    const all = await steps.find({ where: { taskId: anyOf(taskIds) }, order: { position: 'ASC', id: 'ASC' } });
    expect(all.length).toBeGreaterThan(0);
    const nullable: Array<keyof PlanStepEntity> = ['estimatedTime', 'dueDate', 'completedAt', 'whoHelps'];
    expect(setColumns(all, nullable)).toEqual(nullable);
    expect(await stepsOfTasks(db(), [...taskIds, UNKNOWN])).toEqual(plain(all));
    const ids = all.map((s) => s.id);
    expect(byId(await stepsByIds(db(), [...ids, UNKNOWN]))).toEqual(byId(plain(await steps.findBy({ id: anyOf(ids) }))));
    expect(await stepsByIds(db(), [])).toEqual([]);
    expect(await stepsOfTasks(db(), [])).toEqual([]);
  });
});
