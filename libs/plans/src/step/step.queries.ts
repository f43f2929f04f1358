import type { PlansLoaders } from '../loaders';
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
    private readonly today: string,
  ) {}

  async ofTask(task: { id: string; live: boolean }): Promise<PlanStep[]> {
    return (await this.loaders.stepsByTask.load(task.id)).map((s) => toPlanStep(s, this.today, task.live));
  }
}
