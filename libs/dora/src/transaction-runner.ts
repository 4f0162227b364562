import type { DbSession } from './sql/sql-runner';

/**
 * Injection token of the host's transaction runner. The webhook library provides its own, which
 * queues SQLite transactions (one shared connection) and retries MySQL deadlocks, so a refresh
 * never interleaves with an ingestion write. Without one, the DataSource's `transaction` is used.
 */
export const DORA_TRANSACTION_RUNNER = Symbol('DORA_TRANSACTION_RUNNER');

export interface DoraTransactionRunner {
  run<T>(work: (session: DbSession) => Promise<T>): Promise<T>;
}
