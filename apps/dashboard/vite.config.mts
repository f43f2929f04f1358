/**
 * The dashboard's build (static files in dist/apps/dashboard) and its
 * development server. The API is the gateway's: /graphql, /auth/* (the demo
 * sign-in) and /hsds/* are proxied to it, so the browser talks to one origin.
 * `npm start` starts this server with the gateway's address (tools/start.ts).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One bundle of about 130 kB gzipped (React, urql and the typed operations): small enough for a staff tool.
    chunkSizeWarningLimit: 900,
  },
  server: { strictPort: true },
  preview: { strictPort: true },
});
