import type { AttainmentRow } from './attainment.rules';
import type { AttainmentCountRow } from './attainment.sql';

export function toAttainmentRow(r: AttainmentCountRow): AttainmentRow {
  return {
    term: r.term,
    month: r.month,
    goalsSet: r.goals_set,
    goalsAchieved: r.goals_achieved,
    setPeople: r.set_people,
    achievedPeople: r.achieved_people,
  };
}
