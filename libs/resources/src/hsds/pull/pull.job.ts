/**
 * The scheduled pull: every `HSDS_PULL_INTERVAL_MS`, each configured source
 * in turn, incrementally (`pullDirectory`), once per tick across replicas
 * (claimed in `resources.scheduled_job`). A source that fails is logged and
 * the others still run; its watermark stays, so the next tick asks again
 * from the same point.
 */
import type { DataSource } from 'typeorm';
import { errorFields, type Logger } from '@caseflow/core';
import { startIntervalJob, tableLeadership } from '@caseflow/federation';
import type { JobObserver } from '@caseflow/telemetry';
import { pullDirectory, type PullReport } from './pull';
import type { PullSettings } from './pull.settings';

/** Pulls every source; throws after trying them all when any failed. */
export async function pullSources(dataSource: DataSource, settings: PullSettings, logger: Logger): Promise<PullReport[]> {
  const reports: PullReport[] = [];
  let failed = 0;
  for (const source of settings.sources) {
    try {
      const report = await pullDirectory(dataSource, source);
      reports.push(report);
      const written = Object.values(report.written).reduce((a, b) => a + b, 0);
      logger.info('hsds pull', { source: report.source, written, unchanged: report.unchanged, requests: report.requests });
    } catch (error) {
      failed += 1;
      logger.error('hsds pull failed, nothing written', { source: source.url, ...errorFields(error) });
    }
  }
  if (failed > 0) throw new Error(`${failed} of ${settings.sources.length} HSDS sources failed to pull`);
  return reports;
}

export function startPullJob(dataSource: DataSource, settings: PullSettings, logger: Logger, observer?: JobObserver): () => Promise<void> {
  const intervalMs = settings.sources.length > 0 ? settings.intervalMs : 0;
  return startIntervalJob('hsds-pull', intervalMs, () => pullSources(dataSource, settings, logger), logger, {
    observer,
    leadership: tableLeadership(dataSource, 'resources'),
  });
}
