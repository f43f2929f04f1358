#!/usr/bin/env node
// `npm test`: type-check (the workspace, and the dashboard's browser program)
// and lint once, then run every Nx project's tests (each against a real
// PostgreSQL its jest run starts), and close with one line that counts every
// test of every project.
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

const root = join(__dirname, '..');
const tally = join(tmpdir(), `caseflow-test-tally-${process.pid}.jsonl`);
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_INTERACTIVE: 'false',
  NX_TUI: 'false',
  CASEFLOW_TEST_TALLY: tally,
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  process.stdout.write(`\n== ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

rmSync(tally, { force: true });
// The dashboard is a browser app with its own compiler settings (DOM, JSX): a second program.
const typechecks = [
  step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
  step('typecheck (dashboard)', bin('tsc'), ['-p', join('apps', 'dashboard', 'tsconfig.json')]),
];
const results = [
  ['typecheck', typechecks.every(Boolean)],
  // The module-boundary rule reads Nx's project graph; compute it first so that a fresh clone lints with it.
  ['lint', step('project graph', bin('nx'), ['show', 'projects']) && step('lint', bin('eslint'), ['.'])],
  [
    'tests',
    step('tests', bin('nx'), ['run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', '--skipNxCache', ...process.argv.slice(2)]),
  ],
];

const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
const failures = [];
if (existsSync(tally)) {
  for (const line of readFileSync(tally, 'utf8').split('\n').filter(Boolean)) {
    const run = JSON.parse(line);
    for (const key of Object.keys(totals)) totals[key] += run[key];
    failures.push(...(run.failures ?? []));
  }
  rmSync(tally, { force: true });
}
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
process.stdout.write(`\n${failedSteps.length ? `Failed steps: ${failedSteps.join(', ')}` : 'Typecheck, lint and tests passed.'}\n`);
process.stdout.write(
  `Tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}` +
    `${totals.suitesFailed ? `; ${totals.suitesFailed} suite(s) could not run` : ''}\n`,
);
for (const failure of failures) process.stdout.write(`  failed: ${failure}\n`);
process.exit(failedSteps.length ? 1 : 0);
