/** The benchmark's printed table, and the results file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult, OperationRow } from './run';

const pad = (value: unknown, width: number, right = true) => {
  const text = value === null || value === undefined ? '–' : String(value);
  return right ? text.padStart(width) : text.padEnd(width);
};

const owners = (row: OperationRow) =>
  row.statementsByOwner
    ? Object.entries(row.statementsByOwner)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([owner, n]) => `${owner} ${n}`)
        .join(', ')
    : '';

const cpuTotal = (row: OperationRow) =>
  row.cpuMsPerRequest
    ? Object.values(row.cpuMsPerRequest)
        .reduce((a, b) => a + b, 0)
        .toFixed(1)
    : null;

/** The run as a plain-text table (also valid Markdown inside a code block). */
export function formatTable(result: BenchResult): string {
  const lines: string[] = [];
  const d = result.dataset;
  lines.push(
    `Caseflow benchmark — ${result.startedAt}, ${result.machine.cpus} CPUs, load ${result.machine.loadAverage.join(' ')}, ${nodes(result.machine)}`,
  );
  lines.push(
    `dataset: scale ${d.scale} (seed ${d.seed}): ${d.rows['clients.client']} clients, ${d.rows['clients.staff_member']} staff, ${d.rows['plans.action_plan']} plans, ` +
      `${d.rows['plans.plan_step']} steps, ${d.rows['referrals.referral']} referrals, ${d.rows['clients.case_note']} notes, ${d.rows['resources.service']} services`,
  );
  lines.push(
    `services ${result.options.code === 'source' ? 'from source (ts-node)' : 'compiled (npm run build)'}; ` +
      `${result.options.durationSeconds} s per operation and concurrency (after ${result.options.warmupSeconds} s of warm-up, and ${result.options.primeSeconds ?? 0} s of each operation when a gateway starts); latencies in ms; stmt/req from pg_stat_statements`,
  );
  lines.push(
    result.tracing?.on
      ? `tracing on: every request traced, OTLP http/json to a sink in the load generator (${result.tracing.spans} spans received)`
      : 'tracing off',
  );
  lines.push('');
  const header = `${pad('gateway', 7, false)} ${pad('operation', 22, false)} ${pad('conc', 4)} ${pad('requests', 8)} ${pad('errors', 6)} ${pad('p50', 8)} ${pad('p95', 8)} ${pad('p99', 8)} ${pad('req/s', 8)} ${pad('CPU/req', 8)} ${pad('stmt/req', 8)}  statements by subgraph`;
  lines.push(header);
  lines.push('-'.repeat(header.length + 10));
  for (const row of result.rows) {
    const label = row.label === row.operation ? row.operation : `  ${row.label.replace(/^write:/, '')}`;
    lines.push(
      `${pad(row.gateway, 7, false)} ${pad(label, 22, false)} ${pad(row.concurrency, 4)} ${pad(row.requests, 8)} ${pad(row.errors, 6)} ${pad(row.p50.toFixed(1), 8)} ${pad(row.p95.toFixed(1), 8)} ` +
        `${pad(row.p99.toFixed(1), 8)} ${pad(row.throughput.toFixed(1), 8)} ${pad(cpuTotal(row), 8)} ${pad(row.statementsPerRequest, 8)}  ${owners(row)}`,
    );
  }
  lines.push('');
  lines.push('CPU ms per request by process (at the highest concurrency; 2 cores give 2,000 CPU ms per second):');
  const top = Math.max(...result.rows.map((r) => r.concurrency));
  const names = [...new Set(result.rows.flatMap((r) => Object.keys(r.cpuMsPerRequest ?? {})))];
  lines.push(`  ${pad('gateway', 7, false)} ${pad('operation', 10, false)} ${names.map((n) => pad(n, 10)).join(' ')}`);
  for (const row of result.rows.filter((r) => r.concurrency === top && r.cpuMsPerRequest)) {
    lines.push(
      `  ${pad(row.gateway, 7, false)} ${pad(row.operation, 10, false)} ${names.map((n) => pad(row.cpuMsPerRequest?.[n]?.toFixed(1), 10)).join(' ')}`,
    );
  }
  lines.push('');
  const f = result.floor;
  lines.push(
    `floor (caseload page in one SQL query, concurrency 1): ${f.requests} queries, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms`,
  );
  for (const [gateway, ratio] of Object.entries(f.ratios)) lines.push(`  ${gateway} caseload p50 / floor p50 = ${ratio}×`);
  for (const [gateway, sizes] of Object.entries(result.pageSizes)) {
    lines.push(
      `  ${gateway} caseload statements per request by page size: ${(sizes ?? []).map((s) => `first ${s.first} (${s.rows} rows) → ${s.statementsPerRequest}`).join(', ')}`,
    );
  }
  lines.push('');
  lines.push('peak memory per process (VmHWM):');
  for (const [name, m] of Object.entries(result.memory))
    lines.push(`  ${pad(name, 16, false)} ${pad(m.peakMb === null ? '–' : `${m.peakMb} MB`, 10)}`);
  if (result.errorSamples.length) {
    lines.push('');
    lines.push('errors (samples):');
    for (const e of result.errorSamples.slice(0, 10)) lines.push(`  ${e}`);
  }
  return lines.join('\n');
}

/** Writes the result as bench/results/<timestamp>.json (or under `dir`); returns the file. */
export function writeResult(result: BenchResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Which Node ran the services and which the load generator (one line when the same). */
function nodes(machine: { node: string; serviceNode?: string }): string {
  if (!machine.serviceNode || machine.serviceNode === machine.node) return `Node ${machine.node}`;
  return `services on Node ${machine.serviceNode} (load generator on ${machine.node})`;
}
