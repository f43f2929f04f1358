/**
 * What the browser-facing ports serve: the built dashboard behind the static
 * server (as `npm start` runs it), Vite's development server (only when asked
 * for), the gateway and the subgraphs. A fake secret and a fake database file
 * lie in the workspace's `.data/`, where the real ones are; no port, asked by
 * any path trick, answers with their content. The dashboard answers with its
 * security headers, every service with nosniff.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createDashboardServer, type DashboardServer } from '@caseflow/platform';
import { postGraphQL } from '@caseflow/testing';
import { startTestStack, type TestStack } from './harness';

const ROOT = join(__dirname, '..', '..', '..');
const TS_NODE = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as written (fetch would normalize `..` and `%2e`). */
function rawRequest(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Runs `code` (with tools/ importable) in a child process. */
function spawnCode(code: string): ChildProcess {
  const proc = spawn(process.execPath, [...TS_NODE, '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
  // Vite's warnings about refused paths are the expected outcome here; shown only if the child fails.
  let errors = '';
  proc.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  proc.once('exit', (status) => {
    if (status) process.stderr.write(errors);
  });
  return proc;
}

/** Resolves when `code` has run to its end in a child process. */
function runToEnd(code: string): Promise<void> {
  const proc = spawnCode(code);
  proc.stdout?.resume();
  return new Promise((resolve, reject) =>
    proc.once('exit', (status) => (status === 0 ? resolve() : reject(new Error(`The child process failed (exit ${status})`)))),
  );
}

/** Starts `code` in a child process; resolves once it prints "ready <url>". */
function child(code: string): Promise<{ process: ChildProcess; url: string }> {
  const proc = spawnCode(code);
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready (\S+)/.exec(out);
      if (ready) resolve({ process: proc, url: ready[1] });
    });
    proc.once('exit', (code) => reject(new Error(`The child process stopped (exit ${code}) before it was ready`)));
  });
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const forced = setTimeout(() => proc.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(forced);
}

const dataDir = join(ROOT, '.data', `serving-test-${randomBytes(4).toString('hex')}`);
const secret = `secret-${randomBytes(16).toString('hex')}`;
const tableFile = `table-${randomBytes(16).toString('hex')}`;
const secretFile = join(dataDir, 'keys', 'internal-token.secret');
const databaseFile = join(dataDir, 'postgres', 'base', '16384', '1259');
const distDir = mkdtempSync(join(tmpdir(), 'caseflow-dashboard-'));

let stack: TestStack;
let dashboard: DashboardServer;
let dashboardUrl: string;
let dev: { process: ChildProcess; url: string };

beforeAll(async () => {
  mkdirSync(join(dataDir, 'keys'), { recursive: true });
  mkdirSync(join(dataDir, 'postgres', 'base', '16384'), { recursive: true });
  writeFileSync(secretFile, secret);
  writeFileSync(databaseFile, tableFile);
  // The build and the development server run as `npm start` runs them (tools/lib/dashboard.ts), in child processes: Vite cannot load inside jest.
  const building = runToEnd(`require('./tools/lib/dashboard').ensureDashboardBuild(${JSON.stringify(distDir)})`);
  building.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  stack = await startTestStack();
  const devStarting = child(
    `require('./tools/lib/dashboard').startDashboardDevServer(${JSON.stringify(stack.gatewayBaseUrl)}, '127.0.0.1', 0).then((d) => console.log('ready ' + d.url))`,
  );
  await building;
  dashboard = createDashboardServer({ distDir, gatewayBaseUrl: stack.gatewayBaseUrl });
  dashboardUrl = `http://127.0.0.1:${await dashboard.listen(0)}`;
  dev = await devStarting;
  // A production build of the whole dashboard, the stack and Vite, side by side with the other projects' tests on two cores.
}, 240_000);

afterAll(async () => {
  if (dev) await stopChild(dev.process);
  await dashboard?.stop();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

/** Every way tried to name a file: through /@fs/, with Vite's query suffixes, relative to a server's root, encoded once and twice. */
function attackPaths(file: string): string[] {
  const fromRoot = relative(ROOT, file);
  const up = '../'.repeat(6);
  const encodedSlashes = file.replaceAll('/', '%2F');
  return [
    `/@fs${file}`,
    `/@fs${file}?raw`,
    `/@fs${file}?import`,
    `/@fs${file}?import&raw`,
    `/@fs${file}?raw??`,
    `/@fs${file}?url`,
    `/@fs/${encodedSlashes}`,
    `/@fs${file.replaceAll('/', '%252F')}`,
    `/@fs${file.replaceAll('.', '%2e')}?raw`,
    `/${fromRoot}`,
    `/${fromRoot}?raw`,
    `/${up}${fromRoot}`,
    `/${up}${fromRoot}?raw`,
    `/${'%2e%2e/'.repeat(6)}${fromRoot}?raw`,
    `/${'..%2f'.repeat(6)}${fromRoot}`,
    `/${'%252e%252e/'.repeat(6)}${fromRoot}`,
    `/${'..%252f'.repeat(6)}${fromRoot}?raw`,
    `/graphql/${up}${fromRoot}`,
    `/hsds/${up}${fromRoot}?raw`,
    `/@fs${ROOT}/apps/dashboard/${up}${fromRoot}?raw`,
  ];
}

function ports(): Array<[string, string]> {
  return [
    ['dashboard', dashboardUrl],
    ['development server', dev.url],
    ['gateway', stack.gatewayBaseUrl],
    ...Object.entries(stack.subgraphs).map(([name, s]): [string, string] => [name, s.baseUrl]),
  ];
}

describe('no port serves the local data', () => {
  it('answers 403 or 404 to every path naming the secret or a database file, and never with their content', async () => {
    const leaks: string[] = [];
    const statuses = new Set<number>();
    for (const [name, base] of ports()) {
      for (const path of [...attackPaths(secretFile), ...attackPaths(databaseFile)]) {
        const answer = await rawRequest(base, path);
        statuses.add(answer.status);
        if (answer.body.includes(secret) || answer.body.includes(tableFile)) leaks.push(`${name} ${path} → ${answer.status}`);
        else if (![403, 404].includes(answer.status)) leaks.push(`${name} ${path} → ${answer.status} (not a refusal)`);
      }
    }
    expect(leaks).toEqual([]);
    expect([...statuses].every((s) => s === 403 || s === 404)).toBe(true);
  });

  it('keeps serving the dashboard itself on both dashboard ports', async () => {
    for (const base of [dashboardUrl, dev.url]) {
      const page = await rawRequest(base, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<div id="root"></div>');
      // The app's own routes are pages too (the app routes in the browser).
      expect((await rawRequest(base, '/clients/4d2b5e3c-0000-4000-8000-000000000001')).body).toContain('<div id="root"></div>');
    }
  });
});

describe('the built dashboard', () => {
  function directives(csp: string): Map<string, string[]> {
    return new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
  }

  it('has no inline script in its index.html', () => {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('answers every path, page, file, refusal and API, with the security headers', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(distDir, 'index.html'), 'utf8'))?.[1] ?? '';
    const answers = [
      await rawRequest(dashboardUrl, '/'),
      await rawRequest(dashboardUrl, asset),
      await rawRequest(dashboardUrl, '/config.json'),
      await rawRequest(dashboardUrl, '/no-such-file.js'),
      await rawRequest(dashboardUrl, '/auth/demo-users'),
      await rawRequest(dashboardUrl, '/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 404, 200, 401]);
    for (const answer of answers) {
      const csp = directives(String(answer.headers['content-security-policy']));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(String(answer.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      // Plain http, no trusted proxy: no HSTS.
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
    expect(answers[1].headers['cache-control']).toContain('immutable');
    expect(answers[0].headers['cache-control']).toBe('no-cache');
  });

  it('passes the API to the gateway: the demo sign-in and a signed-in query', async () => {
    const users = JSON.parse((await rawRequest(dashboardUrl, '/auth/demo-users')).body) as unknown;
    expect(JSON.stringify(users)).toContain('casey@demo.caseflow');
    const token = await stack.issuer.token(stack.actor('casey'));
    const res = await postGraphQL<{ me: { displayName: string } }>(
      `${dashboardUrl}/graphql`,
      '{ me { displayName } }',
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.displayName).toBe(stack.staff('casey').displayName);
  });

  it('sends HSTS only for https behind a trusted proxy', async () => {
    const trusting = createDashboardServer({ distDir, gatewayBaseUrl: stack.gatewayBaseUrl, trustProxy: true });
    const trustingUrl = `http://127.0.0.1:${await trusting.listen(0)}`;
    try {
      const https = { headers: { 'x-forwarded-proto': 'https' } };
      expect((await rawRequest(trustingUrl, '/', https)).headers['strict-transport-security']).toMatch(
        /^max-age=\d{8,}; includeSubDomains$/,
      );
      expect((await rawRequest(trustingUrl, '/')).headers['strict-transport-security']).toBeUndefined();
      // A caller cannot claim https where no proxy is trusted.
      expect((await rawRequest(dashboardUrl, '/', https)).headers['strict-transport-security']).toBeUndefined();
    } finally {
      await trusting.stop();
    }
  });

  it('serves no method but GET and HEAD outside the API', async () => {
    const answer = await rawRequest(dashboardUrl, '/index.html', { method: 'POST', body: 'x' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });
});

describe('the gateway and the subgraphs', () => {
  it('answer every response with nosniff', async () => {
    const bases = [stack.gatewayBaseUrl, ...Object.values(stack.subgraphs).map((s) => s.baseUrl)];
    for (const base of bases) {
      for (const answer of [
        await rawRequest(base, '/health'),
        await rawRequest(base, '/nowhere'),
        await rawRequest(base, '/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        }),
      ]) {
        expect({ base, nosniff: answer.headers['x-content-type-options'] }).toEqual({ base, nosniff: 'nosniff' });
      }
    }
  });
});
