import { toProgress } from './progress.mapper';

const counts = { goalsTotal: 2, goalsAchieved: 1, stepsTotal: 3, stepsComplete: 1, overdueSteps: 1 };

describe('toProgress', () => {
  it('measures complete steps out of counted steps, to one decimal', () => {
    expect(toProgress(counts)).toEqual({ ...counts, percentComplete: 33.3 });
    expect(toProgress({ ...counts, stepsComplete: 2 }).percentComplete).toBe(66.7);
    expect(toProgress({ ...counts, stepsComplete: 3 }).percentComplete).toBe(100);
  });

  it('falls back to goals when the plan has no steps, and is 0 for an empty plan', () => {
    expect(toProgress({ ...counts, stepsTotal: 0, stepsComplete: 0 }).percentComplete).toBe(50);
    expect(toProgress({ goalsTotal: 0, goalsAchieved: 0, stepsTotal: 0, stepsComplete: 0, overdueSteps: 0 }).percentComplete).toBe(0);
  });
});
