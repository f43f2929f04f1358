import { freePort, promSample } from '@caseflow/testing';
import { createServiceMetrics } from './metrics';
import { serveMetrics } from './metrics-server';
import { OTLPTraceExporter as GrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { otlpProtocol, spanExporters, tracingRequested } from './tracing';

describe('tracing is asked for by the standard variables', () => {
  it('is off unless an OTLP endpoint or a traces exporter is named, and off whenever the SDK is disabled', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBe(false);
  });

  it('reads the protocol, the traces-only variable first, http/protobuf by default, and refuses another', () => {
    expect(otlpProtocol({})).toBe('http/protobuf');
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('http/json');
    expect(otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).toBe('grpc');
    expect(() => otlpProtocol({ OTEL_EXPORTER_OTLP_PROTOCOL: 'thrift' })).toThrow(
      'OTEL_EXPORTER_OTLP_PROTOCOL must be one of http/protobuf, http/json, grpc',
    );
  });
});

describe('service metrics', () => {
  it('labels operations by name until 200 names were seen, then as other (callers choose names)', () => {
    const metrics = createServiceMetrics('test');
    expect(metrics.operationLabel(undefined)).toBe('(anonymous)');
    for (let i = 0; i < 200; i += 1) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('Op0')).toBe('Op0');
    expect(metrics.operationLabel('OneTooMany')).toBe('other');
  });

  it('counts job runs by outcome, runs in progress and skipped ticks, and sums the pools it watches', async () => {
    const metrics = createServiceMetrics('test');
    const first = metrics.runStarted('sweep');
    let text = await metrics.registry.metrics();
    expect(promSample(text, 'caseflow_jobs_in_progress', { job: 'sweep' })).toBe(1);
    metrics.tickSkipped('sweep');
    first('succeeded');
    metrics.runStarted('sweep')('failed');
    metrics.watchPool(() => ({ totalCount: 3, idleCount: 2, waitingCount: 0, options: { max: 10 } }));
    metrics.watchPool(() => undefined);
    text = await metrics.registry.metrics();
    expect({
      succeeded: promSample(text, 'caseflow_job_runs_total', { job: 'sweep', outcome: 'succeeded', service: 'test' }),
      failed: promSample(text, 'caseflow_job_runs_total', { job: 'sweep', outcome: 'failed' }),
      running: promSample(text, 'caseflow_jobs_in_progress', { job: 'sweep' }),
      skipped: promSample(text, 'caseflow_job_ticks_skipped_total', { job: 'sweep' }),
      durations: promSample(text, 'caseflow_job_run_duration_seconds_count', { job: 'sweep' }),
      total: promSample(text, 'caseflow_db_pool_connections', { state: 'total' }),
      idle: promSample(text, 'caseflow_db_pool_connections', { state: 'idle' }),
      waiting: promSample(text, 'caseflow_db_pool_connections', { state: 'waiting' }),
      max: promSample(text, 'caseflow_db_pool_max'),
    }).toEqual({ succeeded: 1, failed: 1, running: 0, skipped: 1, durations: 2, total: 3, idle: 2, waiting: 0, max: 10 });
  });

  it('serves GET /metrics on its own port and nothing else there', async () => {
    const metrics = createServiceMetrics('test');
    metrics.httpRequests.inc({ route: '/graphql', method: 'POST', status: '200' });
    const server = await serveMetrics(metrics.registry, await freePort());
    try {
      const response = await fetch(server.url);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(promSample(await response.text(), 'caseflow_http_requests_total', { route: '/graphql', status: '200', service: 'test' })).toBe(
        1,
      );
      expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('the exporter follows OTEL_EXPORTER_OTLP_PROTOCOL', () => {
  it('sends http/protobuf by default, http/json or grpc when named, and also to the console when asked', () => {
    const kinds = (env: Record<string, string>) => spanExporters(env).map((exporter) => exporter.constructor.name);
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' };
    expect(spanExporters(endpoint)[0]).toBeInstanceOf(ProtobufExporter);
    expect(spanExporters({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })[0]).toBeInstanceOf(JsonExporter);
    expect(spanExporters({ ...endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })[0]).toBeInstanceOf(GrpcExporter);
    expect(kinds({ OTEL_TRACES_EXPORTER: 'console' })).toEqual(['ConsoleSpanExporter']);
    expect(() => spanExporters({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow('OTEL_TRACES_EXPORTER must list otlp, console or none');
  });
});
