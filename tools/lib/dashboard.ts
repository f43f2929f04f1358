/**
 * How `npm start` serves the dashboard. By default the built static files
 * (built with Vite at start when missing or older than the sources) behind
 * the static server with its security headers, as production serves them.
 * Vite's development server (live reload) only when asked for with
 * `npm start -- --dev` or DASHBOARD_DEV=1, and never when NODE_ENV=production.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './local';

export const DASHBOARD_DIR = join(ROOT, 'apps', 'dashboard');
export const DASHBOARD_DIST = join(ROOT, 'dist', 'apps', 'dashboard');
const VITE_CONFIG = join(DASHBOARD_DIR, 'vite.config.mts');
const SOURCES = ['index.html', 'vite.config.mts', 'src', 'public'];

export type DashboardMode = 'built' | 'dev';

export interface RunningDashboard {
  url: string;
  mode: DashboardMode;
  close(): Promise<void>;
}

/** 'dev' only when asked for (`--dev` or DASHBOARD_DEV=1/true); asking for it in production is an error, not a fallback. */
export function dashboardMode(argv: readonly string[], env: NodeJS.ProcessEnv): DashboardMode {
  const asked = argv.includes('--dev') || ['1', 'true', 'yes', 'on'].includes((env.DASHBOARD_DEV ?? '').trim().toLowerCase());
  if (!asked) return 'built';
  if (env.NODE_ENV === 'production')
    throw new Error("The dashboard's development server is refused when NODE_ENV=production; unset DASHBOARD_DEV and --dev");
  return 'dev';
}

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

/** True when there is no build in `distDir`, or a source of the dashboard changed after it. */
export function buildIsStale(distDir = DASHBOARD_DIST, sourceDir = DASHBOARD_DIR): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((name) => newestChange(join(sourceDir, name)) > built);
}

// Vite is an ES module: a real dynamic import keeps the CommonJS output of ts-node from turning it into require().
const importVite = new Function('return import("vite")') as () => Promise<{
  build(config: object): Promise<unknown>;
  createServer(
    config: object,
  ): Promise<{ listen(): Promise<unknown>; close(): Promise<void>; httpServer: import('node:http').Server | null }>;
}>;

/**
 * Builds the dashboard into `distDir` when the build is stale (about two
 * seconds). A deployment's own config.json in the old build is kept.
 */
export async function ensureDashboardBuild(distDir = DASHBOARD_DIST, log: (line: string) => void = () => undefined): Promise<void> {
  if (!buildIsStale(distDir)) return;
  log('building the dashboard');
  const configFile = join(distDir, 'config.json');
  const deployed = existsSync(configFile) ? readFileSync(configFile) : null;
  const { build } = await importVite();
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  if (deployed) writeFileSync(configFile, deployed);
}

/** The built dashboard behind the static server with its headers, the API paths passed to the gateway. */
export async function serveBuiltDashboard(
  gatewayBaseUrl: string,
  host: string,
  port: number,
  trustProxy = false,
): Promise<RunningDashboard> {
  // The platform is loaded when needed only, so that a build alone starts in a second.
  const { createDashboardServer } = await import('@caseflow/platform');
  const server = createDashboardServer({ distDir: DASHBOARD_DIST, gatewayBaseUrl, trustProxy });
  const bound = await server.listen(port, host);
  return { url: `http://${host}:${bound}`, mode: 'built', close: () => server.stop() };
}

/** Vite's development server, restricted to the dashboard's own files by its config (server.fs). */
export async function startDashboardDevServer(gatewayBaseUrl: string, host: string, port: number): Promise<RunningDashboard> {
  const { createServer } = await importVite();
  const { DASHBOARD_API_PATHS } = await import('@caseflow/platform');
  const proxy = Object.fromEntries(DASHBOARD_API_PATHS.map((path) => [path, gatewayBaseUrl]));
  const server = await createServer({ configFile: VITE_CONFIG, logLevel: 'warn', server: { host, port, strictPort: true, proxy } });
  await server.listen();
  // Port 0 asks the system for one: the answer names the port bound.
  const address = server.httpServer?.address();
  const bound = address && typeof address === 'object' ? address.port : port;
  return { url: `http://${host}:${bound}`, mode: 'dev', close: () => server.close() };
}
