import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface OwnedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server that a test owns and may stop and start again (same data
 * directory and port), run in a child process of its own.
 */
export function startOwnedPostgres(dataDir: string, port: number): Promise<OwnedPostgres> {
  const child = spawn(process.execPath, [join(__dirname, 'bin', 'postgres-server.mjs'), dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve({
          url: `postgres://postgres:caseflow-local@127.0.0.1:${port}/postgres`,
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
