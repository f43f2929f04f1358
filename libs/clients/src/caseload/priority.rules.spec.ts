import { PRIORITY_NOW, QUIET_FACTS } from '../testing/priority';
import { computePriority, levelOf } from './priority.rules';

const now = PRIORITY_NOW;
const base = QUIET_FACTS;

describe('computePriority', () => {
  it('is LOW with no reasons for a client with nothing pressing', () => {
    expect(computePriority(base, now)).toEqual({ score: 0, level: 'LOW', reasons: [] });
  });

  it('names a key date within 30 days in plain words, closer dates scoring more', () => {
    const in9 = computePriority({ ...base, keyDates: [{ label: 'EI claim ends', date: '2019-12-02' }] }, now);
    expect(in9).toEqual({ score: 31, level: 'MEDIUM', reasons: ['EI claim ends in 9 days'] });
    const in5 = computePriority({ ...base, keyDates: [{ label: 'EI claim ends', date: '2019-11-28' }] }, now);
    expect(in5.score).toBeGreaterThan(in9.score);
    expect(computePriority({ ...base, keyDates: [{ label: 'Court date', date: '2019-11-24' }] }, now).reasons).toEqual([
      'Court date tomorrow',
    ]);
    expect(
      computePriority(
        {
          ...base,
          keyDates: [
            { label: 'Lease ends', date: '2019-12-24' },
            { label: 'Old', date: '2019-11-01' },
          ],
        },
        now,
      ).reasons,
    ).toEqual([]);
  });

  it('caps several key dates at 60 points together', () => {
    const dates = ['2019-11-23', '2019-11-24', '2019-11-25'].map((date, i) => ({ label: `Date ${i}`, date }));
    const result = computePriority({ ...base, keyDates: dates }, now);
    expect(result.score).toBe(60);
    expect(result.reasons).toEqual(['Date 0 today', 'Date 1 tomorrow']);
  });

  it('counts open barriers, an overdue follow-up and a quiet file, most important reason first', () => {
    const result = computePriority(
      { ...base, openBarriers: 3, nextFollowUpAt: new Date('2019-11-19T09:00:00Z'), lastNoteAt: new Date('2019-10-24T09:00:00Z') },
      now,
    );
    expect(result).toEqual({
      score: 15 + 29 + 16,
      level: 'URGENT',
      reasons: ['Follow-up overdue by 4 days', 'No case note for 30 days', '3 open barriers'],
    });
  });

  it('flags an intake not completed, and a client with no notes after a week', () => {
    const result = computePriority(
      { ...base, status: 'INTAKE', intakeDate: '2019-11-11', lastNoteAt: null, openedAt: new Date('2019-11-11T09:00:00Z') },
      now,
    );
    expect(result).toEqual({ score: 27 + 10, level: 'HIGH', reasons: ['Intake not completed after 12 days', 'No case notes yet'] });
  });

  it('gives a closed case no priority', () => {
    expect(computePriority({ ...base, status: 'CLOSED', openBarriers: 9 }, now)).toEqual({ score: 0, level: 'LOW', reasons: [] });
  });

  it('maps scores to levels at their thresholds', () => {
    expect([0, 14, 15, 34, 35, 59, 60].map(levelOf)).toEqual(['LOW', 'LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'URGENT']);
  });
});
