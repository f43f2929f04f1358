import { errorFields, type Logger } from '@caseflow/core';

/**
 * Runs `run` every `intervalMs` (never two runs at once in this process) and
 * returns a stopper that waits for a run in progress. An interval of 0 runs
 * nothing: tests call the job's function directly.
 */
export function startIntervalJob(name: string, intervalMs: number, run: () => Promise<unknown>, logger: Logger): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let current: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (current) return;
    current = run()
      .catch((error: unknown) => logger.error(`job ${name} failed`, errorFields(error)))
      .finally(() => {
        current = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
