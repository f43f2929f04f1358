/**
 * Which Caseflow service a span belongs to. In production each service is its
 * own process, named by its resource (`service.name`); `npm start` and the
 * end-to-end tests run all five in one process, so every span also carries
 * the attribute `caseflow.service`, taken from the context the service's
 * HTTP front entered (`inService`) when the request arrived.
 */
import { type Context, context, createContextKey, trace } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';

export const SERVICE_ATTRIBUTE = 'caseflow.service';

const SERVICE_KEY = createContextKey('caseflow.service');

/** Runs `work` as `service`'s: the spans it starts carry `caseflow.service`, and so does the request's own span. */
export function inService<T>(service: string, work: () => T): T {
  trace.getActiveSpan()?.setAttribute(SERVICE_ATTRIBUTE, service);
  return context.with(context.active().setValue(SERVICE_KEY, service), work);
}

/** The service whose work is running, when one entered `inService`. */
export function currentService(from: Context = context.active()): string | undefined {
  return from.getValue(SERVICE_KEY) as string | undefined;
}

/** Sets `caseflow.service` on every span started inside a service's work. */
export class ServiceSpanProcessor implements tracing.SpanProcessor {
  onStart(span: tracing.Span, parent: Context): void {
    const service = currentService(parent);
    if (service) span.setAttribute(SERVICE_ATTRIBUTE, service);
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
