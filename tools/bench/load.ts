/**
 * The load generator: `concurrency` workers, each sending one request at a
 * time over keep-alive connections (loopback only) until the phase's time is
 * up, then stopping by themselves. Every request's latency is kept, per
 * label, so that percentiles are exact.
 */
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Answer, type BenchOperation, type BenchRequest, type Fixtures, type TokenSource } from './operations';

export interface Sample {
  /** Milliseconds per request. */
  latencies: number[];
  errors: number;
}

export interface PhaseResult {
  /** Per request label (an operation's requests share its name; the write mix has one per mutation). */
  labels: Record<string, Sample>;
  requests: number;
  errors: number;
  seconds: number;
  /** A few error messages, to tell what went wrong. */
  errorSamples: string[];
}

export interface GraphQLPoster {
  post(body: string, token: string): Promise<{ status: number; text: string }>;
  close(): void;
}

/** POSTs to a GraphQL URL on loopback over a keep-alive agent with one socket per worker. */
export function graphqlPoster(url: string, sockets: number): GraphQLPoster {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
    throw new Error('the benchmark only loads services on this machine (loopback)');
  const agent = new Agent({ keepAlive: true, maxSockets: sockets, keepAliveMsecs: 30_000 });
  return {
    post: (body, token) =>
      new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error('request timed out after 30 s')));
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** Sends one request; an answer is an error when the status is not 200, the body has errors, or it has no data (the operation's own check comes on top). */
async function send(
  poster: GraphQLPoster,
  tokens: TokenSource,
  request: BenchRequest,
): Promise<{ ms: number; answer: Answer; error: string | null }> {
  const body = JSON.stringify({ query: request.query, variables: request.variables });
  const token = await tokens.token(request.staff);
  const started = performance.now();
  try {
    const { status, text } = await poster.post(body, token);
    const ms = performance.now() - started;
    let answer: Answer = {};
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      return { ms, answer, error: `HTTP ${status}: ${text.slice(0, 200)}` };
    }
    if (status !== 200 || answer.errors?.length || !answer.data)
      return { ms, answer, error: `HTTP ${status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}` };
    return { ms, answer, error: null };
  } catch (error) {
    return { ms: performance.now() - started, answer: {}, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface PhaseOptions {
  poster: GraphQLPoster;
  tokens: TokenSource;
  fixtures: Fixtures;
  operation: BenchOperation;
  concurrency: number;
  durationMs: number;
  rnd: () => number;
}

/** Runs one operation at one concurrency for a fixed time. */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const labels: Record<string, Sample> = {};
  const errorSamples: string[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  let requests = 0;
  let errors = 0;
  const record = (label: string, ms: number, error: string | null) => {
    const sample = (labels[label] ??= { latencies: [], errors: 0 });
    sample.latencies.push(ms);
    requests += 1;
    if (error) {
      sample.errors += 1;
      errors += 1;
      if (errorSamples.length < 5) errorSamples.push(`${label}: ${error}`);
    }
  };
  const worker = async () => {
    while (performance.now() < deadline) {
      let request = options.operation.start(options.rnd, options.fixtures);
      while (request) {
        const sent = await send(options.poster, options.tokens, request);
        const { ms, answer } = sent;
        const error = sent.error ?? options.operation.check?.(request, answer) ?? null;
        record(request.label, ms, error);
        request = error || !options.operation.next ? null : options.operation.next(request, answer, options.rnd, options.fixtures);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { labels, requests, errors, seconds: (performance.now() - started) / 1000, errorSamples };
}

/** The value at the given percentile (nearest rank) of unsorted numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
