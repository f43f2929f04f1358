import type { DataSource } from 'typeorm';
import type { Logger } from '@caseflow/core';
import { startIntervalJob, tableLeadership } from '@caseflow/federation';
import type { JobObserver } from '@caseflow/telemetry';
import { recomputeStalePriorities } from './priority.store';

/** Keeps the time-based parts of priority current: each open case is recomputed once a day (its agency's day); once per tick across replicas. */
export function startPriorityJob(dataSource: DataSource, intervalMs: number, logger: Logger, observer?: JobObserver): () => Promise<void> {
  return startIntervalJob(
    'priority',
    intervalMs,
    async () => {
      const n = await recomputeStalePriorities(dataSource);
      if (n > 0) logger.info('priorities recomputed', { clients: n });
    },
    logger,
    { observer, leadership: tableLeadership(dataSource, 'clients') },
  );
}
