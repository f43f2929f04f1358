import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNode, supportedNode } from './node-runtime';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caseflow-bench-node-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const never = (line: string) => {
  throw new Error(`nothing should be installed or logged: ${line}`);
};

describe('the Node the benchmark runs the services on', () => {
  it('knows the supported versions: 22.12 or newer', () => {
    expect(['v20.20.2', 'v22.11.0', 'v18.19.0'].map(supportedNode)).toEqual([false, false, false]);
    expect(['v22.12.0', 'v22.20.1', 'v24.0.0', 'v25.1.0'].map(supportedNode)).toEqual([true, true, true, true]);
  });

  it('runs on the current Node when it is supported or asked for, whatever its version', () => {
    const supported = { path: '/opt/node22/bin/node', version: 'v22.12.0' };
    expect(serviceNode(undefined, never, { current: supported, dir })).toEqual(supported);
    const old = { path: '/opt/node20/bin/node', version: 'v20.20.2' };
    expect(serviceNode('current', never, { current: old, dir })).toEqual(old);
  });

  it('on an unsupported Node, runs on the Node 24 installed in its folder (installed once), with the version that binary reports', () => {
    const node24 = join(dir, 'node24');
    mkdirSync(join(node24, 'node_modules', 'node', 'bin'), { recursive: true });
    // The running Node stands in for the installed one: what counts is that its path is used and its version read.
    symlinkSync(process.execPath, join(node24, 'node_modules', 'node', 'bin', 'node'));
    const chosen = serviceNode(undefined, never, { current: { path: '/opt/node20/bin/node', version: 'v20.20.2' }, dir: node24 });
    expect(chosen).toEqual({ path: join(node24, 'node_modules', 'node', 'bin', 'node'), version: process.version });
  });

  it('runs on a binary named by path, and refuses a path that is not an executable file', () => {
    expect(serviceNode(process.execPath, never, { dir })).toEqual({ path: process.execPath, version: process.version });
    const text = join(dir, 'not-node');
    writeFileSync(text, 'hello');
    chmodSync(text, 0o644);
    expect(() => serviceNode(text, never, { dir })).toThrow(`--node ${text}: not an executable file`);
    expect(() => serviceNode(join(dir, 'missing'), never, { dir })).toThrow('not an executable file');
  });
});
