import { type GroupCounts, publish, referralCount } from './outcome.figures';

const group = (overrides: Partial<GroupCounts>): GroupCounts => ({
  sent: 0,
  sentPeople: 0,
  accepted: 0,
  acceptedPeople: 0,
  completed: 0,
  completedPeople: 0,
  respondedPeople: 0,
  medianDays: null,
  ...overrides,
});

describe('referralCount', () => {
  it('suppresses 10 people and shows 11', () => {
    expect(referralCount(10, 10)).toEqual({ count: null, suppressed: true });
    expect(referralCount(11, 11)).toEqual({ count: 11, suppressed: false });
    expect(referralCount(0, 0)).toEqual({ count: null, suppressed: true });
  });

  it('counts referrals but suppresses by the people they concern', () => {
    expect(referralCount(14, 10)).toEqual({ count: null, suppressed: true });
    expect(referralCount(14, 12)).toEqual({ count: 14, suppressed: false });
  });
});

describe('publish', () => {
  it('gives the completion rate and median when every part is shown', () => {
    expect(publish(group({ sent: 20, sentPeople: 20, accepted: 16, acceptedPeople: 16, completed: 12, completedPeople: 12, respondedPeople: 18, medianDays: 2.34 }))).toEqual({
      sent: { count: 20, suppressed: false },
      accepted: { count: 16, suppressed: false },
      completed: { count: 12, suppressed: false },
      completionRate: 0.6,
      medianDaysToResponse: 2.3,
    });
  });

  it('gives no rate when completed is suppressed, and no median under 11 answers', () => {
    const figures = publish(group({ sent: 20, sentPeople: 20, accepted: 12, acceptedPeople: 12, completed: 10, completedPeople: 10, respondedPeople: 10, medianDays: 3 }));
    expect(figures.completed).toEqual({ count: null, suppressed: true });
    expect(figures.completionRate).toBeNull();
    expect(figures.medianDaysToResponse).toBeNull();
  });

  it('gives no rate when sent is suppressed', () => {
    const figures = publish(group({ sent: 10, sentPeople: 10 }));
    expect(figures).toEqual({
      sent: { count: null, suppressed: true },
      accepted: { count: null, suppressed: true },
      completed: { count: null, suppressed: true },
      completionRate: null,
      medianDaysToResponse: null,
    });
  });
});
