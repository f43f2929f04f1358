/**
 * OpenTelemetry traces, configured by the standard `OTEL_*` variables and
 * off unless asked for: a process traces only when `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, or an `OTEL_TRACES_EXPORTER` other
 * than `none`) is set and `OTEL_SDK_DISABLED` is not true. The SDK itself
 * reads the rest: the endpoint and headers, `OTEL_SERVICE_NAME` and
 * `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER(_ARG)`, `OTEL_BSP_*`.
 * `OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL` chooses `http/protobuf` (the
 * default), `http/json` or `grpc`.
 *
 * `startTracing` must run before the modules it instruments load (node:http,
 * undici, pg, graphql): each entry point imports its `tracing.ts` first.
 * Spans name no client data: SQL statements carry their placeholders, never
 * their values; GraphQL documents lose their literal values; of the headers
 * only the user agent is recorded (HTTP semantic conventions).
 */
import type { IncomingMessage } from 'node:http';
import type { tracing } from '@opentelemetry/sdk-node';
import { ConfigError } from '@caseflow/config';
import { ServiceSpanProcessor } from './service-context';

type Env = Record<string, string | undefined>;

/** Probes and scrapes are not traced: they would be most of the spans and say nothing. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

function value(env: Env, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

/** Whether the standard variables ask for traces. */
export function tracingRequested(env: Env): boolean {
  if (value(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return false;
  const exporter = value(env, 'OTEL_TRACES_EXPORTER');
  if (exporter) return exporter.split(',').some((name) => name.trim() !== 'none');
  return Boolean(value(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') ?? value(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'));
}

export type OtlpProtocol = 'http/protobuf' | 'http/json' | 'grpc';
const PROTOCOLS: readonly OtlpProtocol[] = ['http/protobuf', 'http/json', 'grpc'];

/** The OTLP protocol the variables name (the traces' own first), `http/protobuf` when unset; an unknown one is an error. */
export function otlpProtocol(env: Env): OtlpProtocol {
  const name = value(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = value(env, name) ?? 'http/protobuf';
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new ConfigError([`${name} must be one of ${PROTOCOLS.join(', ')}`]);
  return protocol as OtlpProtocol;
}

/*
 * The SDK, its instrumentations and each exporter load only when traces are
 * asked for: a process that does not trace never loads them (they are tens of
 * megabytes of modules, a larger heap for the garbage collector to walk on
 * every request), and gRPC brings its own HTTP/2 stack.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const sdkNode = () => require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');

const OTLP_EXPORTERS: Record<OtlpProtocol, () => tracing.SpanExporter> = {
  'http/json': () =>
    new (
      require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')
    ).OTLPTraceExporter(),
  'http/protobuf': () =>
    new (
      require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto')
    ).OTLPTraceExporter(),
  grpc: () =>
    new (
      require('@opentelemetry/exporter-trace-otlp-grpc') as typeof import('@opentelemetry/exporter-trace-otlp-grpc')
    ).OTLPTraceExporter(),
};

/** The exporters `OTEL_TRACES_EXPORTER` names (otlp when unset): otlp over the chosen protocol, and console. */
export function spanExporters(env: Env): tracing.SpanExporter[] {
  const names = (value(env, 'OTEL_TRACES_EXPORTER') ?? 'otlp').split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !['otlp', 'console', 'none'].includes(name));
  if (unknown.length > 0) throw new ConfigError(['OTEL_TRACES_EXPORTER must list otlp, console or none']);
  const exporters: tracing.SpanExporter[] = [];
  if (names.includes('otlp')) exporters.push(OTLP_EXPORTERS[otlpProtocol(env)]());
  if (names.includes('console')) exporters.push(new (sdkNode().tracing.ConsoleSpanExporter)());
  return exporters;
}

export interface Tracing {
  /** Sends the spans still buffered and stops; a process calls it before it exits. */
  shutdown(): Promise<void>;
}

const OFF: Tracing = { shutdown: async () => undefined };
let started: Tracing | null = null;

/**
 * Starts tracing for this process when the variables ask for it (once; later
 * calls answer the same). `serviceName` is the resource's `service.name`
 * unless `OTEL_SERVICE_NAME` (or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`)
 * names it.
 */
export function startTracing(serviceName: string, env: Env = process.env): Tracing {
  if (started) return started;
  if (!tracingRequested(env)) return (started = OFF);
  const named = value(env, 'OTEL_SERVICE_NAME') || /(^|,)\s*service\.name=/.test(value(env, 'OTEL_RESOURCE_ATTRIBUTES') ?? '');
  const { NodeSDK, tracing: sdkTracing } = sdkNode();
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } =
    require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { GraphQLInstrumentation } =
    require('@opentelemetry/instrumentation-graphql') as typeof import('@opentelemetry/instrumentation-graphql');
  const processors = spanExporters(env).map((exporter) =>
    exporter instanceof sdkTracing.ConsoleSpanExporter
      ? new sdkTracing.SimpleSpanProcessor(exporter)
      : new sdkTracing.BatchSpanProcessor(exporter),
  );
  const sdk = new NodeSDK({
    serviceName: named ? undefined : serviceName,
    // The caseflow.service attribute first, so that every exporter sees it.
    spanProcessors: [new ServiceSpanProcessor(), ...processors],
    // Metrics are Prometheus's, on each service's metrics port (see metrics.ts); logs stay pino's lines on stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has(new URL(request.url ?? '/', 'http://x').pathname),
      }),
      new UndiciInstrumentation(),
      // SQL under a request, a job or an event only: the event queue's and the relay's polling would otherwise be a trace a tick.
      new PgInstrumentation({ enhancedDatabaseReporting: false, ignoreConnectSpans: true, requireParentSpan: true }),
      new GraphQLInstrumentation({ allowValues: false, ignoreTrivialResolveSpans: true, mergeItems: true, depth: 2 }),
    ],
  });
  sdk.start();
  return (started = { shutdown: () => sdk.shutdown() });
}

/** For an entry point's first import: `startTracing`, or print the problem with the OTEL_* variables and exit 1. */
export function startTracingOrExit(serviceName: string): Tracing {
  try {
    return startTracing(serviceName);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(1);
  }
}
/* eslint-enable @typescript-eslint/no-require-imports */
