import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../errors';
import { LocksMissing, SessionLocks } from './named-locks';
import { resetSqliteTransactionState, sqliteTransactionLeftOpen } from './sqlite-transaction-state';
import { writeHealthOf } from './write-health';

const MAX_ATTEMPTS = 4;
/** Restarts to take locks a transaction found it needs (see requireLocks); more means a bug. */
const MAX_LOCK_RESTARTS = 3;

export interface TransactionOptions {
  /** Named locks (MySQL) to hold for the whole transaction, its retries included. */
  locks?: Iterable<string>;
  /** A health probe: its outcome does not count in the write health /health reports. */
  probe?: boolean;
}

/** SQLite's one connection is shared by every runner of a DataSource, so is the queue in front of it. */
interface SqliteQueue {
  tail: Promise<unknown>;
  queued: number;
}
const sqliteQueues = new WeakMap<DataSource, SqliteQueue>();

function sqliteQueueOf(dataSource: DataSource): SqliteQueue {
  let queue = sqliteQueues.get(dataSource);
  if (!queue) sqliteQueues.set(dataSource, (queue = { tail: Promise.resolve(), queued: 0 }));
  return queue;
}

/**
 * Runs a unit of work in one database transaction.
 * - SQLite: TypeORM shares one connection (one query runner) between all callers, so two
 *   overlapping transactions would nest as savepoints of each other; they are queued instead.
 * - MySQL: the named locks asked for (up front, or by the work through requireLocks) are taken
 *   before the transaction starts and released after it ends; a deadlock or lock-wait timeout is
 *   retried a bounded number of times, then answered 503.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    const type = this.dataSource.options.type;
    return type === 'better-sqlite3' || type === 'sqlite';
  }

  /** SQLite: transactions waiting for or holding the one connection (a metrics gauge). */
  get queuedTransactions(): number {
    return sqliteQueueOf(this.dataSource).queued;
  }

  /** The driver's connection pool (mysql2), for the pool gauges. */
  get driverPool(): unknown {
    return (this.dataSource.driver as unknown as { pool?: unknown }).pool;
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const health = writeHealthOf(this.dataSource);
    try {
      const result = await (this.isSqlite ? this.runQueued(work) : this.runWithRetry(work, new Set(options.locks ?? [])));
      if (!options.probe) health.recordSuccess();
      return result;
    } catch (error) {
      if (!options.probe && meansDatabaseUnavailable(error)) health.recordFailure();
      throw error;
    }
  }

  private runQueued<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const queue = sqliteQueueOf(this.dataSource);
    queue.queued++;
    const result = queue.tail.then(() => this.runSqliteTransaction(work)).finally(() => queue.queued--);
    queue.tail = result.catch(() => undefined);
    return result;
  }

  private async runSqliteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (sqliteTransactionLeftOpen(this.dataSource)) {
      this.logger.warn('SQLite connection was left inside a transaction: rolling it back');
      resetSqliteTransactionState(this.dataSource);
    }
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      // A failed COMMIT may have been rolled back by SQLite itself; make TypeORM agree.
      resetSqliteTransactionState(this.dataSource);
      throw error;
    }
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>, wanted: Set<string>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const locks = new SessionLocks(runner, String(this.dataSource.options.database ?? ''));
    try {
      for (let attempt = 1, restarts = 0; ; ) {
        try {
          await locks.hold(wanted);
          return await runner.manager.transaction(work);
        } catch (error) {
          if (error instanceof LocksMissing && restarts++ < MAX_LOCK_RESTARTS) {
            for (const key of error.keys) wanted.add(key);
            continue;
          }
          if (classifyDatabaseError(error) !== 'retryable') throw error;
          if (attempt >= MAX_ATTEMPTS) {
            this.logger.warn(`transaction gave up after ${attempt} deadlock/lock-timeout attempts`);
            throw new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
          }
          await delay(10 * 2 ** attempt + Math.random() * 20);
          attempt++;
        }
      }
    } finally {
      await locks.releaseAll();
      await runner.release();
    }
  }
}

function meansDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof WebhookException) return error.code === WebhookErrorCode.UNAVAILABLE;
  const kind = classifyDatabaseError(error);
  return kind === 'unavailable' || kind === 'retryable';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
