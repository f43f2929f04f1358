/**
 * `referral.follow_up_due`: each referral under way whose follow-up date is
 * today in the referring agency's time zone is told about once that day. The
 * job runs every tick (once per tick across replicas, claimed in
 * `referrals.scheduled_job`), and the outbox's once-keys
 * (`referral.follow_up_due:<id>:<local day>`) make a second run, a second
 * replica or a restart record nothing more. The agencies' time zones are
 * asked of the clients subgraph; when it cannot answer, the tick fails,
 * records nothing, and the next tick tries again.
 */
import type { DataSource } from 'typeorm';
import { localDay } from '@caseflow/core';
import { type JobRunning, startCountingJob } from '@caseflow/federation';
import { followUpDue, recordReferralEvents, referralFactsOfRow } from '../referral/referral.events';
import { nearFollowUps } from './follow-up.sql';

/** The agencies' time zones (UTC for one that set none), e.g. `fetchOrganizationTimeZones` bound to the clients subgraph. */
export type TimeZonesOf = (organizationIds: string[]) => Promise<Map<string, string>>;

/** Records `referral.follow_up_due` for the follow-ups due today (agency time) not told about yet; returns how many it recorded. */
export async function recordFollowUpsDue(dataSource: DataSource, timeZonesOf: TimeZonesOf, now = new Date()): Promise<number> {
  const near = await nearFollowUps(dataSource.manager, now);
  if (near.length === 0) return 0;
  const zones = await timeZonesOf([...new Set(near.map((r) => r.client_organization_id))]);
  const due = near.flatMap((r) => {
    const zone = zones.get(r.client_organization_id);
    const today = localDay(now, zone);
    return localDay(r.follow_up_at, zone) === today ? [followUpDue(referralFactsOfRow(r), today)] : [];
  });
  if (due.length === 0) return 0;
  return dataSource.transaction((tx) => recordReferralEvents(tx, due));
}

export function startFollowUpJob(dataSource: DataSource, timeZonesOf: TimeZonesOf, ...running: JobRunning): () => Promise<void> {
  const run = () => recordFollowUpsDue(dataSource, timeZonesOf);
  return startCountingJob(
    dataSource,
    { name: 'referral-follow-up', schema: 'referrals', run, logged: 'referral follow-ups due' },
    ...running,
  );
}
