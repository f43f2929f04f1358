import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the combined output matches `pattern`; rejects after `timeoutMs` or if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

/**
 * What a spawned service inherits from the test run: the machine's own
 * environment (path, home, temp dir, locale, time zone) and anything that
 * shapes the clock or the runtime underneath it (`LD_PRELOAD` and `FAKETIME*`,
 * so that a suite run under `faketime` runs its services at the same moved
 * time and their 60-second internal tokens agree). Never a Caseflow setting:
 * each test names the ones its service gets.
 */
const INHERITED = /^(PATH|HOME|TMPDIR|LANG|LC_[A-Z]+|TZ|LD_PRELOAD|FAKETIME(_[A-Z_]+)?|DONT_FAKE_MONOTONIC|NO_FAKE_STAT)$/;

export function inheritedEnvironment(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => INHERITED.test(entry[0]) && entry[1] !== undefined),
  );
}

/**
 * Runs an entry point of the workspace as its own Node process, as `npm start`
 * and production do: a TypeScript entry through ts-node, a compiled one
 * (`dist/…/main.js`, from `npm run build`) with plain node — this one, or the
 * Node binary `node` names.
 */
export function spawnService(
  entry: string,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
  node: string = process.execPath,
): ServiceProcess {
  const compiled = entry.endsWith('.js');
  const loaders = compiled ? [] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
  const child = spawn(node, [...nodeFlags, ...loaders, join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...inheritedEnvironment(), ...(compiled ? {} : { TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    listeners.forEach((l) => l());
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(text)) {
            cleanup();
            resolve();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${text}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        exited.then((code) => {
          if (!pattern.test(text)) {
            cleanup();
            reject(new Error(`exited with ${code} before ${pattern}; output:\n${text}`));
          }
        });
        check();
      }),
  };
}
