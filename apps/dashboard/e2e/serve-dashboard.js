#!/usr/bin/env node
// Builds the dashboard for production into a temporary folder and serves it
// (vite preview) on the given port, with /graphql, /auth and /hsds proxied to
// the gateway; prints "ready <url>" when it listens, stops on SIGTERM.
// The browser tests run it as a child process: Vite is an ES module with
// native parts that jest's module sandbox cannot load.
//   node serve-dashboard.js <gateway base URL> <port>
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

async function main() {
  const [target, port] = process.argv.slice(2);
  if (!target || !port) throw new Error('usage: serve-dashboard.js <gateway base URL> <port>');
  const vite = await import('vite');
  const configFile = join(__dirname, '..', 'vite.config.mts');
  const outDir = mkdtempSync(join(tmpdir(), 'caseflow-dashboard-'));
  await vite.build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const server = await vite.preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: Number(port), strictPort: true, proxy: { '/graphql': target, '/auth': target, '/hsds': target } },
  });
  const stop = () => server.httpServer.close(() => {
    rmSync(outDir, { recursive: true, force: true });
    process.exit(0);
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`ready http://127.0.0.1:${port}\n`);
}

main().catch((error) => {
  process.stderr.write(`The dashboard could not be served: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
