import type { DataSource } from 'typeorm';
import { ConfigError } from '@caseflow/config';
import { type SubgraphRuntimeOptions, startIntervalJob } from '@caseflow/federation';
import { deliverDueMail, sendDailyDigests } from './mail.job';
import { loadMailSettings, type MailSettings } from './mail.settings';
import { createMailTransport } from './mail.transport';

export const DEFAULT_JOB_INTERVAL_MS = 60_000;

/**
 * The subgraph's background jobs: the e-mail sender and the daily digest,
 * every `jobIntervalMs`. Neither needs a leader: each takes its rows with
 * SKIP LOCKED, so replicas share the work instead of repeating it. In
 * production e-mail goes over SMTP only: without SMTP_URL the jobs refuse to
 * start (the .eml folder is for development).
 */
export function startMailJobs(dataSource: DataSource, options: SubgraphRuntimeOptions, settings: MailSettings = loadMailSettings()) {
  const interval = options.jobIntervalMs ?? DEFAULT_JOB_INTERVAL_MS;
  if (interval > 0 && options.production && !settings.smtpUrl) {
    throw new ConfigError(['SMTP_URL is required in production (without it e-mail is written as .eml files, for development only)']);
  }
  const transport = createMailTransport(settings);
  if (interval > 0) options.logger.info('e-mail notifications', { to: transport.describe });
  const stops = [
    startIntervalJob('mail-delivery', interval, () => deliverDueMail(dataSource, transport, options.logger), options.logger, {
      observer: options.metrics,
    }),
    startIntervalJob('mail-digest', interval, () => sendDailyDigests(dataSource, settings.dashboardUrl), options.logger, {
      observer: options.metrics,
    }),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    transport.close();
  };
}
