/**
 * What the HTTP front alone costs: one process serving a one-field schema
 * through the hand-written front (node) or fastify, loaded over keep-alive
 * connections; the CPU per request of that process and the latencies, for
 * each front in turn (A B A B …). The end-to-end benchmark cannot tell a few
 * tens of microseconds apart on a shared machine; this can.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register tools/bench/http-front.ts [--duration 10] [--rounds 2] [--concurrency 1,32]
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ApolloServer } from '@apollo/server';
import { createHttpFront, type HttpFront, HTTP_FRONTS } from '@caseflow/federation';
import { spawnService } from '@caseflow/testing';
import { graphqlPoster, percentile } from './load';
import { cpuMsOf } from './processes';

/** The served process: a one-field schema behind the front HTTP_FRONT names. */
async function serve(front: HttpFront): Promise<void> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  await apollo.start();
  const http = createHttpFront({ apollo, context: async () => ({}), ready: async () => true, requestTimeoutMs: 15_000 }, front);
  process.stdout.write(`listening on ${await http.listen(0)}\n`);
}

interface Measurement {
  front: HttpFront;
  concurrency: number;
  requests: number;
  p50: number;
  p95: number;
  throughput: number;
  cpuUsPerRequest: number;
}

async function measure(front: HttpFront, concurrency: number, seconds: number): Promise<Measurement> {
  const service = spawnService('tools/bench/http-front.ts', { HTTP_FRONT_SERVE: front, NODE_ENV: 'production' });
  try {
    await service.waitFor(/listening on \d+/, 60_000);
    const port = /listening on (\d+)/.exec(service.output())?.[1];
    const poster = graphqlPoster(`http://127.0.0.1:${port}/graphql`, concurrency);
    // A body and headers of a subgraph request's size: an internal token rides on every one.
    const body = JSON.stringify({ query: '{ ok }' });
    const token = randomBytes(300).toString('base64url');
    const run = async (ms: number, latencies: number[]) => {
      const end = performance.now() + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < end) {
            const started = performance.now();
            const answer = await poster.post(body, token);
            if (answer.status !== 200 || !answer.text.includes('"ok":true')) throw new Error(`unexpected answer ${answer.status}`);
            latencies.push(performance.now() - started);
          }
        }),
      );
    };
    await run(2000, []);
    const latencies: number[] = [];
    const cpuBefore = cpuMsOf(service.child.pid) ?? 0;
    const started = performance.now();
    await run(seconds * 1000, latencies);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = (cpuMsOf(service.child.pid) ?? 0) - cpuBefore;
    poster.close();
    return {
      front,
      concurrency,
      requests: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      throughput: latencies.length / elapsed,
      cpuUsPerRequest: (cpu * 1000) / latencies.length,
    };
  } finally {
    service.child.kill('SIGKILL');
    await service.exited;
  }
}

async function main(): Promise<void> {
  const served = process.env.HTTP_FRONT_SERVE;
  if (served) return serve(served as HttpFront);
  const value = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const seconds = Number(value('--duration', '10'));
  const rounds = Number(value('--rounds', '2'));
  const levels = value('--concurrency', '1,32').split(',').map(Number);
  const rows: Measurement[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const concurrency of levels) {
      for (const front of HTTP_FRONTS) {
        const row = await measure(front, concurrency, seconds);
        rows.push(row);
        process.stdout.write(
          `${String(round + 1).padEnd(6)}${front.padEnd(9)}c=${String(concurrency).padEnd(4)}` +
            `${String(row.requests).padStart(7)} requests  p50 ${row.p50.toFixed(2)} ms  p95 ${row.p95.toFixed(2)} ms  ` +
            `${row.throughput.toFixed(0)} req/s  ${row.cpuUsPerRequest.toFixed(0)} µs CPU/req\n`,
        );
      }
    }
  }
  // Other work on the machine only ever adds CPU time and latency: the lowest of the rounds is the front's own cost, the median the typical.
  process.stdout.write('\nfront    conc   CPU µs/req min / median   p50 ms median   p95 ms median   req/s median\n');
  for (const concurrency of levels) {
    for (const front of HTTP_FRONTS) {
      const mine = rows.filter((r) => r.front === front && r.concurrency === concurrency);
      const median = (pick: (r: Measurement) => number) => percentile(mine.map(pick), 50);
      const cpu = mine.map((r) => r.cpuUsPerRequest);
      process.stdout.write(
        `${front.padEnd(9)}${String(concurrency).padEnd(7)}${Math.min(...cpu)
          .toFixed(0)
          .padStart(8)} / ${median((r) => r.cpuUsPerRequest)
          .toFixed(0)
          .padEnd(14)}` +
          `${median((r) => r.p50)
            .toFixed(2)
            .padStart(8)}        ${median((r) => r.p95)
            .toFixed(2)
            .padStart(8)}        ${median((r) => r.throughput)
            .toFixed(0)
            .padStart(6)}\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
