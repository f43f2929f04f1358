import type { DataSource } from 'typeorm';
import { type SubgraphRuntimeOptions, startIntervalJob } from '@caseflow/federation';
import { fetchOrganizationTimeZones } from '@caseflow/auth';
import { type AgencyTimeZones, deliverDueMail, sendDailyDigests } from './mail.job';
import { loadMailSettings, type MailSettings } from './mail.settings';
import { createMailTransport } from './mail.transport';

export const DEFAULT_JOB_INTERVAL_MS = 60_000;

/**
 * The subgraph's background jobs: the e-mail sender and the daily digest,
 * every `jobIntervalMs`. Neither needs a leader: each takes its rows with
 * SKIP LOCKED, so replicas share the work instead of repeating it. In
 * production e-mail goes over SMTP only: without SMTP_URL nothing is sent
 * (the .eml folder is for development) and the deliveries wait in their
 * table, with a warning at start, until a replica with SMTP_URL sends them.
 */
export function startMailJobs(
  dataSource: DataSource,
  options: SubgraphRuntimeOptions,
  settings: MailSettings = { ...loadMailSettings(), ...(options.dashboardUrl ? { dashboardUrl: options.dashboardUrl } : {}) },
) {
  const interval = options.jobIntervalMs ?? DEFAULT_JOB_INTERVAL_MS;
  const held = options.production === true && !settings.smtpUrl;
  const transport = createMailTransport(settings);
  if (interval > 0 && held) options.logger.warn('no SMTP_URL: e-mail notifications wait in mail_delivery until one is set');
  else if (interval > 0) options.logger.info('e-mail notifications', { to: transport.describe });
  const stops = [
    startIntervalJob('mail-delivery', held ? 0 : interval, () => deliverDueMail(dataSource, transport, options.logger), options.logger, {
      observer: options.metrics,
    }),
    startIntervalJob(
      'mail-digest',
      interval,
      () => sendDailyDigests(dataSource, settings.dashboardUrl, new Date(), agencyTimeZones(options)),
      options.logger,
      {
        observer: options.metrics,
      },
    ),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
    transport.close();
  };
}

/** The agencies' time zones, asked of the clients subgraph (every agency in UTC when it is not configured). */
function agencyTimeZones(options: SubgraphRuntimeOptions): AgencyTimeZones | undefined {
  const clientsUrl = options.peerUrls?.clients;
  if (!clientsUrl) return undefined;
  return (organizationIds) =>
    fetchOrganizationTimeZones({ clientsUrl, internalSecret: options.internalSecret, timeoutMs: options.peerTimeoutMs }, organizationIds);
}
