/**
 * The Node.js the benchmark runs the services and the gateway on. Production
 * runs them on the image's Node (Containerfile: 24), and Caseflow supports
 * 22.12+ and 24 only, so the benchmark measures a supported Node:
 *
 * - `--node current`: the Node running the benchmark, whatever it is;
 * - `--node <path>`: that binary (e.g. a Node 22 to compare);
 * - by default, the Node running the benchmark when it is supported (22.12
 *   or newer), else Node 24 from the registry's `node` package, installed
 *   once into .data/bench/node24 (as `.ci/run` does for its Node 24 step).
 *
 * The benchmark itself (the load generator, the floor) then runs again under
 * the chosen Node (main.ts), so that one Node runs everything measured.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './postgres';

export interface ServiceNode {
  /** The binary's path. */
  path: string;
  /** Its version, e.g. v24.11.0. */
  version: string;
}

/** Whether `version` (e.g. v22.12.0) is one Caseflow supports: 22.12 or newer. */
export function supportedNode(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

const versionOf = (path: string) => execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();

/** Node 24 from the registry, installed once under `dir`. */
function installedNode24(dir: string, log: (line: string) => void): string {
  const binary = join(dir, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    log(`installing Node 24 for the services into ${dir} (npm install node@24, once)`);
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', 'node@24'], {
      stdio: 'ignore',
    });
  }
  return binary;
}

/** The Node the services run on, as `--node` asks (see above); `current` and `dir` are this process's Node and where Node 24 goes. */
export function serviceNode(
  choice: string | undefined,
  log: (line: string) => void,
  {
    current = { path: process.execPath, version: process.version },
    dir = join(BENCH_DIR, 'node24'),
  }: { current?: ServiceNode; dir?: string } = {},
): ServiceNode {
  if (choice === 'current' || (choice === undefined && supportedNode(current.version))) return current;
  const path = choice ?? installedNode24(dir, log);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`--node ${path}: not an executable file`);
  }
  return { path, version: versionOf(path) };
}
