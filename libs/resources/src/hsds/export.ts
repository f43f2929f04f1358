/**
 * Exports the directory as an HSDS tabular data package: the HSDS
 * datapackage.json and one CSV per table, every field of the table in the
 * package's order, rows by id. Read in batches (keyset on id) inside one
 * REPEATABLE READ transaction, so the files are one consistent snapshot and
 * memory stays bounded however large the directory.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { csvLine } from './csv-write';
import { type HsdsField, hsdsTables, readDescriptor } from './package';
import { exportBatch } from './package.sql';
import { jsonValue } from './values';

const BATCH = 5_000;

/** A stored value as HSDS writes it: numbers as numbers, so a schedule's IANA zone becomes its UTC offset now. */
function csvValue(field: HsdsField, text: string | null, now: Date): string | null {
  const value = jsonValue(field, text, now);
  return value === undefined ? null : String(value);
}

export async function exportPackage(dataSource: DataSource, dir: string, now = new Date()): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'datapackage.json'), `${JSON.stringify(readDescriptor(), null, 2)}\n`);
  const counts: Record<string, number> = {};
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    for (const table of hsdsTables().values()) {
      const out = createWriteStream(join(dir, table.path), 'utf8');
      const write = async (text: string) => {
        if (!out.write(text)) await once(out, 'drain');
      };
      await write(csvLine(table.fields.map((f) => f.name)));
      let after: string | null = null;
      let count = 0;
      for (;;) {
        const rows = await exportBatch(runner.manager, table, BATCH, after);
        for (const row of rows) await write(csvLine(table.fields.map((f) => csvValue(f, row[f.name], now))));
        count += rows.length;
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].id as string;
      }
      out.end();
      await once(out, 'finish');
      counts[table.name] = count;
    }
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  return counts;
}
