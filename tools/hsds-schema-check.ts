/**
 * `ts-node tools/hsds-schema-check.ts <compiled schema dir>` — checks what the
 * directory's HSDS API answers against the HSDS 3.0 compiled JSON Schemas
 * (e.g. ../shared/hsds-3.0/schema/compiled). It starts a throw-away
 * PostgreSQL and the resources subgraph, loads the demo directory and the
 * official HSDS example package, asks every endpoint (lists, fully nested
 * objects, single objects, the ndjson stream) and validates each object and
 * each Page envelope. Prints one line per check; exits 1 on any failure.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { Client } from 'pg';
import { createLogger } from '@caseflow/core';
import { startEmbeddedPostgres, withDatabase } from '@caseflow/db';
import { demoStaff, demoWorld } from '@caseflow/demo';
import { createSubgraph } from '@caseflow/federation';
import { importPackage, resourcesSubgraph } from '@caseflow/resources';
import { seedResources } from '@caseflow/resources-seed';
import { freePort, internalHeaders } from '@caseflow/testing';
import { ROOT } from './lib/local';

const EXAMPLES = join(ROOT, 'libs', 'resources', 'src', 'hsds', 'fixtures', 'examples');

interface Check {
  path: string;
  /** The schema file each object is checked against. */
  schema: string;
  kind: 'page' | 'object' | 'ndjson';
}

function checks(ids: { service: string; organization: string; serviceAtLocation: string; term: string; taxonomy: string }): Check[] {
  return [
    { path: '/hsds/services?per_page=100', schema: 'service_list.json', kind: 'page' },
    { path: '/hsds/services?per_page=100&minimal=true', schema: 'service_list.json', kind: 'page' },
    { path: '/hsds/services?per_page=25&full=true', schema: 'service.json', kind: 'page' },
    { path: '/hsds/services?search=food&per_page=100', schema: 'service_list.json', kind: 'page' },
    { path: `/hsds/services/${ids.service}`, schema: 'service.json', kind: 'object' },
    { path: '/hsds/services?format=ndjson', schema: 'service_list.json', kind: 'ndjson' },
    { path: '/hsds/organizations?per_page=100', schema: 'organization_list.json', kind: 'page' },
    { path: '/hsds/organizations?per_page=10&full=true', schema: 'organization.json', kind: 'page' },
    { path: `/hsds/organizations/${ids.organization}?full_service=true`, schema: 'organization.json', kind: 'object' },
    { path: '/hsds/service_at_locations?per_page=100', schema: 'service_at_location_list.json', kind: 'page' },
    { path: '/hsds/service_at_locations?per_page=25&full=true', schema: 'service_at_location.json', kind: 'page' },
    { path: `/hsds/service_at_locations/${ids.serviceAtLocation}`, schema: 'service_at_location.json', kind: 'object' },
    { path: '/hsds/taxonomies', schema: '../taxonomy.json', kind: 'page' },
    { path: `/hsds/taxonomies/${ids.taxonomy}`, schema: '../taxonomy.json', kind: 'object' },
    { path: '/hsds/taxonomy_terms?per_page=100', schema: '../taxonomy_term.json', kind: 'page' },
    { path: `/hsds/taxonomy_terms/${ids.term}`, schema: '../taxonomy_term.json', kind: 'object' },
  ];
}

const PAGE_KEYS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

async function main(): Promise<void> {
  const [dirArgument] = process.argv.slice(2);
  if (!dirArgument) {
    process.stderr.write('usage: ts-node tools/hsds-schema-check.ts <HSDS compiled schema dir>\n');
    process.exit(2);
  }
  const schemaDir = resolve(dirArgument);
  const ajv = new Ajv({ allErrors: true });
  ajv.addFormat('datetime', (text: string) => !Number.isNaN(Date.parse(text)));
  // Taxonomies and terms have no compiled schema: their per-table schemas (beside the compiled folder) are checked, with the schemas they refer to.
  const tableSchemas = resolve(schemaDir, '..');
  for (const file of readdirSync(tableSchemas).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(JSON.parse(readFileSync(join(tableSchemas, file), 'utf8')), file);
  }
  const validators = new Map<string, Ajv.ValidateFunction>();
  const validator = (file: string) => {
    if (!validators.has(file)) {
      const path = join(schemaDir, file);
      if (!existsSync(path)) throw new Error(`${path} is missing`);
      validators.set(
        file,
        file.startsWith('../')
          ? (ajv.getSchema(file.slice(3)) as Ajv.ValidateFunction)
          : ajv.compile(JSON.parse(readFileSync(path, 'utf8'))),
      );
    }
    return validators.get(file) as Ajv.ValidateFunction;
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'caseflow-hsds-check-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
    fast: true,
    password: randomBytes(24).toString('base64url'),
  });
  const failures: string[] = [];
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE hsds_check');
    await admin.end();
    const secret = randomBytes(24).toString('hex');
    const databaseUrl = withDatabase(server.url, 'hsds_check');
    const subgraph = await createSubgraph(resourcesSubgraph, {
      databaseUrl,
      migrationDatabaseUrl: databaseUrl,
      internalSecret: secret,
      logger: createLogger('resources', 'silent'),
    });
    try {
      const port = await subgraph.listen(0);
      const world = demoWorld();
      await seedResources(subgraph.database.dataSource, world);
      await importPackage(subgraph.database.dataSource, EXAMPLES);
      const pat = demoStaff('pat');
      const headers = await internalHeaders({ staffId: pat.id, role: pat.role, organizationId: pat.organizationId }, secret);
      const [ids] = await subgraph.database.dataSource.query(`SELECT
        (SELECT id FROM resources.service WHERE name = 'Community Counselling') AS service,
        (SELECT organization_id FROM resources.service WHERE name = 'Community Counselling') AS organization,
        (SELECT id FROM resources.service_at_location ORDER BY id LIMIT 1) AS "serviceAtLocation",
        (SELECT id FROM resources.taxonomy_term WHERE code = '1102') AS term,
        (SELECT id FROM resources.taxonomy ORDER BY name LIMIT 1) AS taxonomy`);

      for (const check of checks(ids)) {
        const response = await fetch(`http://127.0.0.1:${port}${check.path}`, { headers });
        const text = await response.text();
        const problems: string[] = [];
        let objects: unknown[] = [];
        if (response.status !== 200) {
          problems.push(`HTTP ${response.status}: ${text.slice(0, 200)}`);
        } else if (check.kind === 'ndjson') {
          objects = text
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line));
        } else {
          const body = JSON.parse(text);
          if (check.kind === 'page') {
            const missing = PAGE_KEYS.filter((key) => !(key in body));
            if (missing.length) problems.push(`the Page envelope lacks ${missing.join(', ')}`);
            objects = Array.isArray(body.contents) ? body.contents : [];
            if (objects.length === 0) problems.push('the page is empty, so nothing was checked');
          } else {
            objects = [body];
          }
        }
        const validate = validator(check.schema);
        for (const object of objects) {
          if (!validate(object)) {
            const id = (object as { id?: string }).id;
            problems.push(
              `${id}: ${(validate.errors ?? [])
                .slice(0, 3)
                .map((e) => `${e.dataPath || '(root)'} ${e.message}`)
                .join('; ')}`,
            );
          }
        }
        const line = `${problems.length ? 'FAIL' : 'ok  '} ${check.path} against ${check.schema}: ${objects.length} object(s)`;
        process.stdout.write(`${line}\n`);
        for (const problem of problems.slice(0, 5)) process.stdout.write(`       ${problem}\n`);
        if (problems.length) failures.push(check.path);
      }
    } finally {
      await subgraph.stop();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    failures.length ? `${failures.length} HSDS check(s) failed\n` : 'every HSDS API answer validates against the HSDS 3.0 schemas\n',
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`hsds-schema-check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
