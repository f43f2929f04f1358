/**
 * Counts the SQL statements a DataSource sends, so that tests and the
 * benchmark can assert "N entities → one statement". It is a TypeORM logger:
 * TypeORM hands it every statement before running it.
 */
import type { Logger as TypeOrmLogger } from 'typeorm';

export class SqlCounter implements TypeOrmLogger {
  private total = 0;
  private recent: string[] = [];

  constructor(private readonly keep = 200) {}

  get count(): number {
    return this.total;
  }

  /** The statements sent since `mark` (a value of `count` read earlier), newest last. */
  since(mark: number): string[] {
    const n = this.total - mark;
    return n <= 0 ? [] : this.recent.slice(-Math.min(n, this.recent.length));
  }

  logQuery(query: string): void {
    this.total += 1;
    this.recent.push(query);
    if (this.recent.length > this.keep) this.recent.splice(0, this.recent.length - this.keep);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
