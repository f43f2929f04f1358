/**
 * The benchmark dataset (`npm run seed -- --scale N`): the demo world (so
 * that casey, pat and the other demo users work as usual) plus a generated
 * agency network of `scale` hundredths of QUALITY.md's "scale 100": 100,000
 * clients, 2,500 staff, 120,000 plans of about 20 steps, 300,000 referrals
 * with history, 1,000,000 case notes, 150,000 assessments and a directory of
 * 5,000 organizations, 20,000 services and 25,000 locations.
 *
 * Each subgraph's generator writes only its own schema; what one needs of
 * another (the directory's services, the clients' facts, the consents the
 * referrals rest on) is read from the owner and passed in as plain values,
 * exactly as it would cross between separately deployed databases.
 */
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  type ClientsScalePlan,
  refreshClientsAtScale,
  scaleClientCatalog,
  scalePartnerStaff,
  seedClientsAtScale,
  seedConsentsAtScale,
} from '@caseflow/clients-seed';
import { openDatabase } from '@caseflow/db';
import { demoWorld } from '@caseflow/demo';
import { seedPlansAtScale } from '@caseflow/plans-seed';
import { seedReferralsAtScale } from '@caseflow/referrals-seed';
import { scaleDirectoryCatalog, seedResourcesAtScale } from '@caseflow/resources-seed';
import { SUBGRAPHS, type SubgraphName, seedDemo } from './seed';
import { countRows, readDatasetReport, saveDatasetReport, schemaTables, vacuumAnalyzeTable } from './scale.sql';

export { DATASET_TABLE } from './scale.sql';

export interface ScaleCounts {
  clients: number;
  agencies: number;
  caseManagers: number;
  supervisors: number;
  partners: number;
  analysts: number;
  plans: number;
  referrals: number;
  notes: number;
  assessments: number;
}

/** What a scale means: QUALITY.md's scale-100 figures times scale/100 (each at least 1). */
export function scaleCounts(scale: number): ScaleCounts {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new Error('scale must be a number above 0 and at most 1000');
  const n = (atHundred: number) => Math.max(1, Math.round((atHundred * scale) / 100));
  return {
    clients: n(100_000),
    agencies: n(50),
    // 2,500 staff: 2,400 case managers (caseloads of about 40), 50 supervisors, 40 partner staff, 10 analysts.
    caseManagers: n(2_400),
    supervisors: n(50),
    partners: n(40),
    analysts: n(10),
    plans: n(120_000),
    referrals: n(300_000),
    notes: n(1_000_000),
    assessments: n(150_000),
  };
}

export interface ScaleOptions {
  scale: number;
  seed: number;
  /** Every generated date is relative to this day (default: today, UTC midnight). */
  today?: Date;
  log?: (line: string) => void;
}

export interface ScaleReport {
  scale: number;
  seed: number;
  today: string;
  counts: ScaleCounts;
  rows: Record<string, number>;
  seconds: number;
}

/** The tables the report counts (and the determinism test compares). */
export const SCALE_TABLES = [
  'clients.staff_member',
  'clients.client',
  'clients.case_event',
  'clients.eligibility_determination',
  'clients.needs_assessment',
  'clients.assessment_item',
  'clients.case_note',
  'clients.consent',
  'plans.action_plan',
  'plans.goal',
  'plans.plan_task',
  'plans.plan_step',
  'plans.plan_revision',
  'referrals.referral',
  'referrals.referral_event',
  'resources.organization',
  'resources.service',
  'resources.location',
  'resources.taxonomy_term',
] as const;

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

async function open(name: SubgraphName, url: string) {
  const definition = SUBGRAPHS[name];
  // Generation runs a few long statements: no statement timeout.
  const db = await openDatabase({
    url,
    schema: definition.dbSchema,
    entities: definition.entities,
    migrations: definition.migrations,
    poolMax: 2,
    statementTimeoutMs: 0,
  });
  return db.dataSource;
}

async function withDataSource<T>(name: SubgraphName, url: string, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await open(name, url);
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/** Loads the demo world and the generated network into empty databases, then vacuums and analyzes them and records what it made. */
export async function seedAtScale(databaseUrlFor: (name: SubgraphName) => string, options: ScaleOptions): Promise<ScaleReport> {
  const started = Date.now();
  const log = (line: string) => options.log?.(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const today = startOfDay(options.today ?? new Date());
  const counts = scaleCounts(options.scale);
  if (await datasetOf(databaseUrlFor('clients'))) throw new Error('this database already holds a benchmark dataset; seed an empty one');

  await seedDemo(databaseUrlFor, demoWorld(today));
  log('demo world loaded');

  const directory = await withDataSource('resources', databaseUrlFor('resources'), async (ds) => {
    await seedResourcesAtScale(ds, options.scale);
    return scaleDirectoryCatalog(ds, options.scale);
  });
  log(`directory: ${directory.organizationIds.length} organizations, ${directory.services.ids.length} active services`);

  const clientsPlan: ClientsScalePlan = {
    seed: options.seed,
    today,
    clients: counts.clients,
    caseManagers: counts.caseManagers,
    supervisors: counts.supervisors,
    partners: counts.partners,
    analysts: counts.analysts,
    notes: counts.notes,
    assessments: counts.assessments,
    agencyIds: directory.organizationIds.slice(0, counts.agencies),
    partnerOrganizationIds: directory.organizationIds.slice(counts.agencies, counts.agencies + counts.partners),
  };
  const catalog = await withDataSource('clients', databaseUrlFor('clients'), async (ds) => {
    await seedClientsAtScale(ds, clientsPlan, log);
    return scaleClientCatalog(ds, counts.clients);
  });

  await withDataSource('plans', databaseUrlFor('plans'), (ds) =>
    seedPlansAtScale(ds, { seed: options.seed, today, plans: counts.plans, clients: catalog }, log),
  );
  const consents = await withDataSource('referrals', databaseUrlFor('referrals'), (ds) =>
    seedReferralsAtScale(
      ds,
      {
        seed: options.seed,
        today,
        referrals: counts.referrals,
        clients: catalog,
        services: directory.services,
        partners: scalePartnerStaff(clientsPlan),
        partnerShare: 0.3,
      },
      log,
    ),
  );
  await withDataSource('clients', databaseUrlFor('clients'), async (ds) => {
    await seedConsentsAtScale(ds, { seed: options.seed, today }, consents);
    log(`clients: ${consents.clientIds.length} consents`);
    await refreshClientsAtScale(ds, today, log);
  });

  const urls = [...new Set(Object.keys(SUBGRAPHS).map((name) => databaseUrlFor(name as SubgraphName)))];
  for (const url of urls) await vacuumAnalyze(url);
  log('vacuumed and analyzed');

  const rows = await tableCounts(databaseUrlFor);
  const report: ScaleReport = {
    scale: options.scale,
    seed: options.seed,
    today: today.toISOString().slice(0, 10),
    counts,
    rows,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  await recordDataset(databaseUrlFor('clients'), report);
  log('done');
  return report;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function vacuumAnalyze(url: string): Promise<void> {
  await withClient(url, async (client) => {
    for (const schema of ['clients', 'plans', 'referrals', 'resources']) {
      for (const table of await schemaTables(client, schema)) await vacuumAnalyzeTable(client, schema, table);
    }
  });
}

/** Row counts of SCALE_TABLES (each table read from its subgraph's database). */
export async function tableCounts(databaseUrlFor: (name: SubgraphName) => string): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of SCALE_TABLES) {
    const schema = table.split('.')[0] as SubgraphName;
    result[table] = await withClient(databaseUrlFor(schema), (c) => countRows(c, table));
  }
  return result;
}

async function recordDataset(url: string, report: ScaleReport): Promise<void> {
  await withClient(url, (client) => saveDatasetReport(client, report));
}

/** The dataset a database holds (what `seedAtScale` recorded), or null. */
export async function datasetOf(url: string): Promise<ScaleReport | null> {
  return withClient(url, (client) => readDatasetReport<ScaleReport>(client));
}
