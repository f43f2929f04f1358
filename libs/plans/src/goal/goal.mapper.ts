import type { PlanStatus } from '../plan/plan.entity';
import { missingSmart } from '../plan/plan.rules';
import type { GoalEntity } from './goal.entity';
import type { Goal, SmartCriterion } from './goal.type';

const CRITERION: Record<string, SmartCriterion> = {
  specific: 'SPECIFIC',
  measurable: 'MEASURABLE',
  achievable: 'ACHIEVABLE',
  relevant: 'RELEVANT',
  timeLimited: 'TIME_LIMITED',
};

export function toGoal(entity: GoalEntity, planStatus: PlanStatus): Goal {
  const answers = {
    specific: entity.smartSpecific,
    measurable: entity.smartMeasurable,
    achievable: entity.smartAchievable,
    relevant: entity.smartRelevant,
    timeLimited: entity.smartTimeLimited,
  };
  return {
    id: entity.id,
    description: entity.description,
    term: entity.term,
    targetDate: entity.targetDate,
    smart: { ...answers, missing: missingSmart(answers).map((k) => CRITERION[k]) },
    status: entity.status,
    planId: entity.planId,
    planStatus,
  };
}
