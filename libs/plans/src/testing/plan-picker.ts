import type { DemoWorld } from '@caseflow/demo';
import type { plansSeed } from '@caseflow/plans-seed';

/**
 * Hands out the seeded plans made by one staff member, each once: ACTIVE
 * unless asked, with an unfinished step under an OPEN goal (and that goal
 * and step).
 */
export function planPicker(seed: ReturnType<typeof plansSeed>, world: DemoWorld) {
  const used = new Set<string>();
  return (staffId: string, status: 'ACTIVE' | 'COMPLETED' = 'ACTIVE') => {
    const plan = seed.plans.find(
      (p) =>
        !used.has(p.id) &&
        p.status === status &&
        p.createdBy === staffId &&
        world.plans.some((w) => w.id === p.id) &&
        (status !== 'ACTIVE' || p.goals.some((g) => g.status === 'OPEN' && g.task.steps.some((s) => s.outcome === 'NOT_STARTED'))),
    )!;
    used.add(plan.id);
    const goal = plan.goals.find((g) => g.status === 'OPEN' && g.task.steps.some((s) => s.outcome === 'NOT_STARTED')) ?? plan.goals[0];
    const step = goal.task.steps.find((s) => s.outcome === 'NOT_STARTED') ?? goal.task.steps[0];
    return { plan, goal, step };
  };
}
