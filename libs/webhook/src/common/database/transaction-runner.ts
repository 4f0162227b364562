import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../errors';
import { LocksMissing, SessionLocks } from './named-locks';

/**
 * Attempts of a transaction that hits deadlocks or lock-wait timeouts. On a multi-primary cluster
 * (Galera) a certification conflict surfaces as a deadlock: under contention a few in a row are
 * normal, so the budget is generous; the backoff caps the whole at about 6 s.
 */
const MAX_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 800;
/** Restarts to take locks a transaction found it needs (see requireLocks); more means a bug. */
const MAX_LOCK_RESTARTS = 3;

export interface TransactionOptions {
  /** Named locks (MySQL) to hold for the whole transaction, its retries included. */
  locks?: Iterable<string>;
}

/**
 * Runs a unit of work in one database transaction.
 * - SQLite: TypeORM shares one connection (one query runner) between all callers, so two
 *   overlapping transactions would nest as savepoints of each other; they are queued instead.
 * - MySQL: the named locks asked for (up front, or by the work through requireLocks) are taken
 *   before the transaction starts and released after it ends, and their lock rows are bumped as
 *   the transaction's first write (the cross-node guarantee, see SessionLocks.bumpRows); a
 *   deadlock or lock-wait timeout re-runs the whole unit of work a bounded number of times with
 *   jittered backoff, then answers 503.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  private sqliteQueued = 0;

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    const type = this.dataSource.options.type;
    return type === 'better-sqlite3' || type === 'sqlite';
  }

  /** SQLite: transactions waiting for or holding the one connection (a metrics gauge). */
  get queuedTransactions(): number {
    return this.sqliteQueued;
  }

  /** The driver's connection pool (mysql2), for the pool gauges. */
  get driverPool(): unknown {
    return (this.dataSource.driver as unknown as { pool?: unknown }).pool;
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.isSqlite ? this.runQueued(work) : this.runWithRetry(work, new Set(options.locks ?? []));
  }

  private runQueued<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.sqliteQueued++;
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work)).finally(() => this.sqliteQueued--);
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>, wanted: Set<string>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const locks = new SessionLocks(runner, String(this.dataSource.options.database ?? ''));
    try {
      for (let attempt = 1, restarts = 0; ; ) {
        try {
          await locks.hold(wanted);
          return await runner.manager.transaction(async (manager) => {
            await locks.bumpRows(manager);
            return work(manager);
          });
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
          await delay(backoffMs(attempt));
          attempt++;
        }
      }
    } finally {
      await locks.releaseAll();
      await runner.release();
    }
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of colliding writers spread out. */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
