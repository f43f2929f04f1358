/**
 * The Containerfile, read as an engine would (none runs here): a multi-stage
 * build whose final stage holds the compiled services and the production
 * dependencies only, runs as an unprivileged user, checks /health, and
 * copies only what the repository has or the build stage made. That each
 * path copied from the build stage exists after `npm run build` is checked
 * by apps/e2e/src/production-build.int.spec.ts, which builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copiesOf, readContainerfile } from './lib/containerfile';
import { ROOT } from './lib/local';

const { stages } = readContainerfile();
const final = stages.at(-1)!;
const build = stages[0];
const runs = (stage: typeof final) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
const SERVICES = ['gateway', 'clients', 'plans', 'referrals', 'resources', 'notifications', 'migrate'];

describe('the Containerfile', () => {
  it('is a multi-stage build: the services compiled in a build stage, copied into the final one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build.name).toBe('build');
    expect(runs(build).some((r) => /^npm install\b/.test(r) && !/--omit/.test(r))).toBe(true);
    const built = runs(build).find((r) => r.startsWith('npm run build'));
    expect(
      built
        ?.match(/-p (\S+)/)?.[1]
        .split(',')
        .sort(),
    ).toEqual([...SERVICES].sort());
    expect(copiesOf(final).filter((c) => c.from === 'build')).toEqual([
      { from: 'build', sources: ['/src/dist/apps'], destination: './dist/apps' },
    ]);
  });

  it('installs no development dependency in the final stage and never copies the sources or node_modules into it', () => {
    const installs = runs(final).filter((r) => /\bnpm (ci|install)\b/.test(r));
    expect(installs).toHaveLength(1);
    expect(installs[0]).toMatch(/--omit=dev/);
    // ts-node and TypeScript are also optional peers of TypeORM: --omit=optional keeps them out.
    expect(installs[0]).toMatch(/--omit=optional/);
    const fromContext = copiesOf(final).filter((c) => c.from === undefined);
    expect(fromContext.flatMap((c) => c.sources).sort()).toEqual(['deploy/container/service.js', 'package-lock.json', 'package.json']);
  });

  it('copies from the build context only paths the repository has', () => {
    for (const stage of stages)
      for (const copy of copiesOf(stage).filter((c) => c.from === undefined))
        for (const source of copy.sources) expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
  });

  it('runs as an unprivileged user, by number (so that Kubernetes can check runAsNonRoot)', () => {
    const users = final.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0].split(':').map(Number);
    expect(uid).toBeGreaterThan(0);
    expect(gid).toBeGreaterThan(0);
    // Nothing runs as root after the switch.
    const after = final.instructions.slice(final.instructions.findIndex((i) => i.keyword === 'USER'));
    expect(after.filter((i) => i.keyword === 'RUN' || i.keyword === 'USER').map((i) => i.keyword)).toEqual(['USER']);
  });

  it('checks health on /health of the port every service listens on in the image', () => {
    const healthcheck = final.instructions.find((i) => i.keyword === 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD .*http:\/\/127\.0\.0\.1:8080\/health/);
    const env = final.instructions
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    for (const name of ['GATEWAY_PORT', 'CLIENTS_PORT', 'PLANS_PORT', 'REFERRALS_PORT', 'RESOURCES_PORT', 'NOTIFICATIONS_PORT'])
      expect(env).toContain(`${name}=8080`);
    expect(env).toContain('HOST=0.0.0.0');
    expect(env).toContain('NODE_ENV=production');
  });

  it('starts the service its argument names, one of those the build compiles', () => {
    expect(final.instructions.find((i) => i.keyword === 'ENTRYPOINT')?.args).toBe('["node", "/app/service.js"]');
    const entry = readFileSync(join(ROOT, 'deploy/container/service.js'), 'utf8');
    expect(JSON.parse(/const SERVICES = (\[[^\]]*\])/.exec(entry)![1].replace(/'/g, '"'))).toEqual(SERVICES);
    for (const name of SERVICES) expect(existsSync(join(ROOT, 'apps', name, 'project.json'))).toBe(true);
  });

  it('has a .dockerignore that keeps local data, keys, dependencies and build output out of the context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '**/node_modules', 'dist', '.data', '.env']) expect(ignored).toContain(entry);
  });
});
