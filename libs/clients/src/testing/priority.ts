/** The priority rules' tests' starting point: an active client with nothing pressing, three days after a note. */
import type { PriorityFacts } from '../caseload/priority.rules';

/** The instant the priority rules' tests compute at. */
export const PRIORITY_NOW = new Date('2019-11-23T15:00:00Z');

export const QUIET_FACTS: PriorityFacts = {
  status: 'ACTIVE',
  intakeDate: '2019-09-01',
  openBarriers: 0,
  keyDates: [],
  nextFollowUpAt: null,
  lastNoteAt: new Date('2019-11-20T10:00:00Z'),
  openedAt: new Date('2019-09-01T10:00:00Z'),
};
