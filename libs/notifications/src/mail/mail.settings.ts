import { z } from 'zod';
import { type Env, loadConfig, processEnv, setting } from '@caseflow/config';

/**
 * Where e-mail goes: over SMTP (`SMTP_URL`, e.g. `smtps://user:pass@mail.example.org`)
 * or, without one, as `.eml` files under `MAIL_DIR` (development). `DASHBOARD_URL` is
 * where the e-mails' one link points.
 */
const mailSettings = z.object({
  SMTP_URL: setting.optionalUrl(),
  MAIL_FROM: setting.string('Caseflow <no-reply@caseflow.invalid>'),
  MAIL_DIR: setting.string('.data/mail'),
  DASHBOARD_URL: setting.url('http://localhost:4200'),
});

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  mailDir: string;
  dashboardUrl: string;
}

export function loadMailSettings(env: Env = processEnv()): MailSettings {
  const s = loadConfig(mailSettings, env);
  return { smtpUrl: s.SMTP_URL, from: s.MAIL_FROM, mailDir: s.MAIL_DIR, dashboardUrl: s.DASHBOARD_URL };
}
