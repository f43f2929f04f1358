import { NOTIFICATION_KINDS } from '../notification/notification.kinds';
import { composeDigest, composeMail } from './mail.compose';
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from './mail.job';

describe('e-mail rules', () => {
  it('word every kind with the kind, the agency and the link only', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const mail = composeMail(kind, 'Northside Food Bank', 'https://caseflow.example.org/');
      expect(mail.subject).toMatch(/^Caseflow: /);
      expect(mail.text).toContain('Agency: Northside Food Bank');
      expect(mail.text).toContain('https://caseflow.example.org/notifications');
    }
    expect(composeMail('CLIENT_ASSIGNED', null, 'http://d').text).not.toContain('Agency:');
    expect(composeDigest('STEP_OVERDUE', 3, '2019-12-02', 'http://d').subject).toBe(
      'Caseflow digest: A plan step is overdue (3 on 2019-12-02)',
    );
  });

  it('back off exponentially from 30 seconds to at most 6 hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(MAX_MAIL_ATTEMPTS)).toBe(6 * 3_600_000);
  });
});
