import type { PlansLoaders } from '../loaders';
import type { Today } from '../today';
import { toPlanStep } from './step.mapper';
import type { PlanStep } from './step.type';

/**
 * Steps, always reached through a task of a goal the caller was allowed to
 * read, so no further access check is made here. `today` is fixed for the
 * request, so that every step of one answer is judged against the same date.
 */
export class StepQueries {
  constructor(
    private readonly loaders: PlansLoaders,
    private readonly today: Today,
  ) {}

  async ofTask(task: { id: string; live: boolean }): Promise<PlanStep[]> {
    const [steps, today] = await Promise.all([this.loaders.stepsByTask.load(task.id), this.today()]);
    return steps.map((s) => toPlanStep(s, today, task.live));
  }
}
