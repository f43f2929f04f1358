/**
 * No transaction commits for a request that has stopped. Every DataSource
 * made by createDatabase carries this subscriber, so every
 * `dataSource.transaction(…)` of a request is covered without each service
 * doing anything: a transaction does not start for a request already
 * aborted (timed out, or its caller went away); when the request is aborted
 * mid-transaction the statement running is cancelled (pg_cancel_backend), and
 * whatever happens, COMMIT is refused, so the transaction rolls back.
 * Outside a request (jobs, seeds, migrations) nothing changes.
 */
import { AppError, requestSignal } from '@caseflow/core';
import {
  EventSubscriber,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type TransactionStartEvent,
} from 'typeorm';

function stopped(): AppError {
  return new AppError('UNAVAILABLE', 'The request was stopped (it timed out or its caller went away); nothing was changed; retry later');
}

const watching = new WeakMap<QueryRunner, () => void>();

function backendPid(queryRunner: QueryRunner): number | undefined {
  return (queryRunner as unknown as { databaseConnection?: { processID?: number } }).databaseConnection?.processID;
}

@EventSubscriber()
export class RequestTransactionGuard implements EntitySubscriberInterface {
  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    const signal = requestSignal();
    if (!signal || watching.has(queryRunner)) return;
    if (signal.aborted) throw stopped();
    const cancel = () => {
      const pid = backendPid(queryRunner);
      if (!queryRunner.isTransactionActive || pid === undefined) return;
      // Another connection asks the server to cancel the statement this transaction is waiting on (a lock, a slow query).
      queryRunner.connection.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
    };
    signal.addEventListener('abort', cancel, { once: true });
    watching.set(queryRunner, () => signal.removeEventListener('abort', cancel));
  }

  beforeTransactionCommit(): void {
    // Thrown here, TypeORM rolls the transaction back instead of sending COMMIT.
    if (requestSignal()?.aborted) throw stopped();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    this.release(queryRunner);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    this.release(queryRunner);
  }

  /** Once the outermost transaction has ended, the connection is no longer this request's to cancel. */
  private release(queryRunner: QueryRunner): void {
    if (queryRunner.isTransactionActive) return;
    watching.get(queryRunner)?.();
    watching.delete(queryRunner);
  }
}
