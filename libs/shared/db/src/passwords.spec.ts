import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabasePasswords } from './passwords';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caseflow-passwords-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded PostgreSQL passwords', () => {
  it('are made on first use in a file only its owner may read or write', () => {
    const file = join(dir, 'keys', 'db-passwords.json');
    const passwords = ensureDatabasePasswords(file, ['clients', 'plans']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(passwords);
    const all = [
      passwords.superuser,
      passwords.roles.clients.owner,
      passwords.roles.clients.runtime,
      passwords.roles.plans.owner,
      passwords.roles.plans.runtime,
    ];
    expect(new Set(all).size).toBe(5);
    for (const password of all) expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('are kept across runs, and completed (not replaced) when a subgraph is added', () => {
    const file = join(dir, 'db-passwords.json');
    const first = ensureDatabasePasswords(file, ['clients']);
    expect(ensureDatabasePasswords(file, ['clients'])).toEqual(first);
    const second = ensureDatabasePasswords(file, ['clients', 'resources']);
    expect(second.superuser).toBe(first.superuser);
    expect(second.roles.clients).toEqual(first.roles.clients);
    expect(second.roles.resources.owner).not.toBe(second.roles.resources.runtime);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('differ between two installations', () => {
    const one = ensureDatabasePasswords(join(dir, 'one', 'db-passwords.json'), ['clients']);
    const two = ensureDatabasePasswords(join(dir, 'two', 'db-passwords.json'), ['clients']);
    expect(two.superuser).not.toBe(one.superuser);
    expect(two.roles.clients.owner).not.toBe(one.roles.clients.owner);
    expect(two.roles.clients.runtime).not.toBe(one.roles.clients.runtime);
  });
});
