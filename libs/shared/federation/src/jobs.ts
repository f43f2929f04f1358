import { SpanStatusCode, trace } from '@opentelemetry/api';
import { errorFields, type Logger } from '@caseflow/core';
import type { JobObserver } from '@caseflow/telemetry';

/**
 * Runs `run` every `intervalMs` (never two runs at once in this process) and
 * returns a stopper that waits for a run in progress. An interval of 0 runs
 * nothing: tests call the job's function directly. `observer` (the service's
 * metrics) is told of each run and its outcome, and of each tick that found
 * the previous run still going. Each run is a trace of its own (`job <name>`),
 * its SQL statements under it, when tracing is on.
 */
const tracer = trace.getTracer('caseflow-jobs');

export function startIntervalJob(
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
  logger: Logger,
  observer?: JobObserver,
): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let current: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (current) {
      observer?.tickSkipped(name);
      return;
    }
    const ended = observer?.runStarted(name);
    current = tracer.startActiveSpan(`job ${name}`, { root: true }, (span) =>
      run()
        .then(
          () => ended?.('succeeded'),
          (error: unknown) => {
            ended?.('failed');
            span.setStatus({ code: SpanStatusCode.ERROR });
            logger.error(`job ${name} failed`, errorFields(error));
          },
        )
        .finally(() => {
          span.end();
          current = null;
        }),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await current;
  };
}
