/**
 * The dashboard's build (static files in dist/apps/dashboard) and its
 * development server. The API is the gateway's: /graphql, /auth/* (the demo
 * sign-in) and /hsds/* are proxied to it, so the browser talks to one origin.
 * `npm start` serves the build (libs/platform/src/dashboard-server.ts) and
 * starts this development server only when asked (`npm start -- --dev`,
 * never in production); it then serves the dashboard's own files and the
 * packages they import, nothing else of the disk (server.fs below).
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));
// node_modules may be a link to a shared install: modules are served from its real path.
const modules = realpathSync(join(workspace, 'node_modules'));

/**
 * The development server answers 404, before any of Vite's own handling, to a
 * path that steps up (`..`) or names local data (`.data`, `.env`, `.git`),
 * however often encoded. server.fs already refuses them; this keeps the
 * answer a plain refusal instead of the app's page.
 */
function refuseLocalPaths(): Plugin {
  const refused = (segment: string) => segment === '..' || /^\.(data|env|git)(\.|$)/i.test(segment);
  return {
    name: 'caseflow:refuse-local-paths',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        let path = (request.url ?? '/').split('?')[0];
        for (let i = 0; i < 3 && path.includes('%'); i++) {
          try {
            path = decodeURIComponent(path);
          } catch {
            break;
          }
        }
        if (!path.split(/[\\/]/).some(refused)) return next();
        response.statusCode = 404;
        response.end('Not found');
      });
    },
  };
}

export default defineConfig({
  root,
  plugins: [refuseLocalPaths(), react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle of about 130 kB gzipped (React, urql and the typed operations): small enough for a staff tool.
    chunkSizeWarningLimit: 900,
  },
  server: {
    strictPort: true,
    fs: {
      strict: true,
      allow: [root, modules],
      // Vite's own list, and the local data (database files, keys) and secrets whatever folder they are in.
      deny: ['.env', '.env.*', '*.{crt,pem,key,p12,pfx,cer,der}', '*.secret', '.npmrc', '.yarnrc.yml', '**/.git/**', '**/.data/**', '**/.nx/**'],
    },
  },
  preview: { strictPort: true },
});
