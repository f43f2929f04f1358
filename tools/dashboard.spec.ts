/**
 * How `npm start` decides to serve the dashboard: the build unless the
 * development server is asked for, and never the development server in
 * production; and when the build must be made again.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIsStale, dashboardMode } from './lib/dashboard';

describe('dashboardMode', () => {
  it('serves the build unless the development server is asked for', () => {
    expect(dashboardMode([], {})).toBe('built');
    expect(dashboardMode([], { NODE_ENV: 'development' })).toBe('built');
    expect(dashboardMode(['--dev'], { NODE_ENV: 'development' })).toBe('dev');
    expect(dashboardMode([], { DASHBOARD_DEV: '1' })).toBe('dev');
    expect(dashboardMode([], { DASHBOARD_DEV: 'true' })).toBe('dev');
    expect(dashboardMode([], { DASHBOARD_DEV: '0' })).toBe('built');
    expect(dashboardMode([], { DASHBOARD_DEV: '' })).toBe('built');
    expect(dashboardMode(['--devx'], {})).toBe('built');
  });

  it('never starts the development server when NODE_ENV=production, however asked', () => {
    expect(dashboardMode([], { NODE_ENV: 'production' })).toBe('built');
    expect(() => dashboardMode(['--dev'], { NODE_ENV: 'production' })).toThrow(/refused when NODE_ENV=production/);
    expect(() => dashboardMode([], { NODE_ENV: 'production', DASHBOARD_DEV: '1' })).toThrow(/refused when NODE_ENV=production/);
    expect(() => dashboardMode(['--dev'], { NODE_ENV: 'production', DASHBOARD_DEV: 'yes' })).toThrow(/refused/);
  });
});

describe('buildIsStale', () => {
  let dir: string;
  const source = () => join(dir, 'app');
  const dist = () => join(dir, 'dist');
  const at = (path: string, secondsAgo: number) => {
    const when = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(path, when, when);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caseflow-stale-'));
    mkdirSync(join(source(), 'src', 'features'), { recursive: true });
    writeFileSync(join(source(), 'index.html'), '<!doctype html>');
    writeFileSync(join(source(), 'src', 'features', 'page.tsx'), 'export {}');
    mkdirSync(dist());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is stale without a build', () => {
    expect(buildIsStale(dist(), source())).toBe(true);
  });

  it('is fresh when the build is newer than every source, and stale once a nested source changes', () => {
    for (const path of [
      join(source(), 'index.html'),
      join(source(), 'src', 'features', 'page.tsx'),
      join(source(), 'src', 'features'),
      join(source(), 'src'),
    ])
      at(path, 60);
    writeFileSync(join(dist(), 'index.html'), '<!doctype html>');
    at(join(dist(), 'index.html'), 30);
    expect(buildIsStale(dist(), source())).toBe(false);

    at(join(source(), 'src', 'features', 'page.tsx'), 10);
    expect(buildIsStale(dist(), source())).toBe(true);
  });
});
