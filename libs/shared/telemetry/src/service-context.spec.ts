import { context, trace } from '@opentelemetry/api';
import { node, tracing } from '@opentelemetry/sdk-node';
import { SERVICE_ATTRIBUTE, ServiceSpanProcessor, currentService, inService } from './service-context';

describe('caseflow.service: which service a span belongs to when several share a process', () => {
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new node.NodeTracerProvider({
    spanProcessors: [new ServiceSpanProcessor(), new tracing.SimpleSpanProcessor(exporter)],
  });
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });
  beforeEach(() => exporter.reset());

  it("marks the request's own span and every span started in the service's work, across awaits, and nothing outside it", async () => {
    const tracer = trace.getTracer('spec');
    await tracer.startActiveSpan('POST /graphql', async (request) => {
      await inService('plans', async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        tracer.startSpan('pg.query').end();
        expect(currentService()).toBe('plans');
      });
      request.end();
    });
    await inService('gateway', async () => tracer.startSpan('gateway.fetch').end());
    tracer.startSpan('job priority').end();
    const spans = Object.fromEntries(exporter.getFinishedSpans().map((s) => [s.name, s.attributes[SERVICE_ATTRIBUTE]]));
    expect(spans).toEqual({ 'pg.query': 'plans', 'POST /graphql': 'plans', 'gateway.fetch': 'gateway', 'job priority': undefined });
    expect(currentService()).toBeUndefined();
  });
});
