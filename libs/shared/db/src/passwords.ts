/**
 * The embedded PostgreSQL's passwords: random per installation (the server's
 * superuser, and each subgraph's owner and runtime roles), made on first use
 * and kept in one JSON file under `.data/` that only its owner may read
 * (mode 0600). No password is written in the code.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RolePasswords } from './roles';

export interface DatabasePasswords {
  superuser: string;
  /** The owner and runtime passwords of each subgraph, by schema. */
  roles: Record<string, RolePasswords>;
}

/** A new random password (192 bits, URL-safe so that it needs no escaping in a connection URL). */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

function write(file: string, passwords: DatabasePasswords): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/**
 * The passwords in `file`, made (or completed, for a subgraph added since)
 * when missing. The file is (re)written with mode 0600 in a folder of mode 0700.
 */
export function ensureDatabasePasswords(file: string, schemas: readonly string[]): DatabasePasswords {
  // Only the file's own folder is private: its parent (`.data/`) must stay reachable by the PostgreSQL server's OS user.
  mkdirSync(dirname(dirname(file)), { recursive: true });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DatabasePasswords) : undefined;
  const passwords: DatabasePasswords = { superuser: existing?.superuser ?? newPassword(), roles: { ...existing?.roles } };
  let changed = !existing;
  for (const schema of schemas) {
    if (passwords.roles[schema]) continue;
    passwords.roles[schema] = { owner: newPassword(), runtime: newPassword() };
    changed = true;
  }
  if (changed) write(file, passwords);
  else chmodSync(file, 0o600);
  return passwords;
}
