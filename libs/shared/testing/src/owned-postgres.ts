import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedUrl } from '@caseflow/db';

export interface OwnedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server that a test owns and may stop and start again (same data
 * directory and port), run in a child process of its own. Its superuser
 * password is random, made with the data directory and kept beside it.
 */
export function startOwnedPostgres(dataDir: string, port: number): Promise<OwnedPostgres> {
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8');
  const child = spawn(process.execPath, [join(__dirname, 'bin', 'postgres-server.mjs'), dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CASEFLOW_PG_PASSWORD: password },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve({
          url: embeddedUrl(port, password),
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`PostgreSQL exited with ${code} before it was ready`)));
  });
}
