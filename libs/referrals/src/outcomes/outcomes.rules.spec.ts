import { type GroupCounts, type GroupPeople, keyText, publish, suppression } from './outcomes.rules';

const group = (overrides: Partial<GroupCounts>): GroupCounts => ({
  sent: 0,
  accepted: 0,
  completed: 0,
  respondedPeople: 0,
  medianDays: null,
  ...overrides,
});
const none = { sent: false, accepted: false, completed: false };

describe('publish', () => {
  it('gives the counts of referrals, the completion rate and median when every part is shown', () => {
    expect(publish(group({ sent: 20, accepted: 16, completed: 12, respondedPeople: 18, medianDays: 2.34 }), none)).toEqual({
      sent: { count: 20, suppressed: false },
      accepted: { count: 16, suppressed: false },
      completed: { count: 12, suppressed: false },
      completionRate: 0.6,
      medianDaysToResponse: 2.3,
    });
  });

  it('gives no rate when completed is suppressed, and no median under 11 people answered', () => {
    const figures = publish(group({ sent: 20, accepted: 12, completed: 10, respondedPeople: 10, medianDays: 3 }), {
      ...none,
      completed: true,
    });
    expect(figures.completed).toEqual({ count: null, suppressed: true });
    expect(figures.completionRate).toBeNull();
    expect(figures.medianDaysToResponse).toBeNull();
  });

  it('gives no rate when sent is suppressed', () => {
    expect(publish(group({ sent: 10 }), { sent: true, accepted: true, completed: true })).toEqual({
      sent: { count: null, suppressed: true },
      accepted: { count: null, suppressed: true },
      completed: { count: null, suppressed: true },
      completionRate: null,
      medianDaysToResponse: null,
    });
  });
});

describe('suppression', () => {
  const people = (key: GroupPeople['key'], sent: number, accepted = sent, completed = sent): GroupPeople => ({
    key,
    sentPeople: sent,
    acceptedPeople: accepted,
    completedPeople: completed,
  });

  it('suppresses by people, under 11', () => {
    const hidden = suppression([people({ month: '2019-03' }, 11), people({ month: '2019-04' }, 11), people({}, 22)]);
    expect(hidden.get(keyText({ month: '2019-03' }))).toEqual({ sent: false, accepted: false, completed: false });
    const small = suppression([people({ month: '2019-03' }, 10), people({ month: '2019-04' }, 10), people({}, 20)]);
    expect(small.get(keyText({ month: '2019-03' }))).toEqual({ sent: true, accepted: true, completed: true });
    // The total of the two months is hidden too: it minus one month would be the other.
    expect(small.get(keyText({}))).toEqual({ sent: true, accepted: true, completed: true });
  });

  it('decides each month on its own and hides a total over months when one of them is hidden', () => {
    const hidden = suppression([
      people({ month: '2019-03' }, 11),
      people({ month: '2019-04' }, 10),
      people({ month: '2019-05' }, 40),
      people({ month: '2019-06' }, 15, 12, 30),
      people({}, 76, 73, 91),
    ]);
    const sent = ['2019-03', '2019-04', '2019-05', '2019-06'].map((month) => hidden.get(keyText({ month }))!.sent);
    expect(sent).toEqual([false, true, false, false]);
    expect(hidden.get(keyText({}))).toEqual({ sent: true, accepted: true, completed: true });
  });

  it('keeps "no taxonomy term" apart from the total over terms', () => {
    const hidden = suppression([
      people({ taxonomyTerm: '' }, 5),
      people({ taxonomyTerm: 't1' }, 30),
      people({ taxonomyTerm: 't2' }, 20),
      people({}, 55),
    ]);
    expect(hidden.get(keyText({ taxonomyTerm: '' }))!.sent).toBe(true);
    expect(hidden.get(keyText({ taxonomyTerm: 't2' }))!.sent).toBe(true);
    expect(hidden.get(keyText({ taxonomyTerm: 't1' }))!.sent).toBe(false);
    expect(hidden.get(keyText({}))!.sent).toBe(false);
  });
});
