import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../errors';
import { LocksMissing, SessionLocks } from './named-locks';
import { resetSqliteTransactionState, sqliteTransactionLeftOpen } from './sqlite-transaction-state';
import { writeHealthOf } from './write-health';

/**
 * The default deadline (DB_TRANSACTION_DEADLINE_MS): a MySQL transaction that has not ended this
 * long after it was asked for is answered 503, and SQLite stops re-running a busy one (the
 * contract is a 503 within 5 s, the audit row and the response still to come). Its attempt goes
 * on in the background until the session's lock waits run out, but no new attempt starts.
 */
export const MYSQL_TRANSACTION_DEADLINE_MS = 3000;
/**
 * Per session: waits for row locks (InnoDB) and for metadata locks (DDL, FLUSH TABLES WITH READ
 * LOCK, a read-only switch) end after this long instead of the server defaults of 50 s and a year.
 */
const SESSION_LOCK_WAIT_SECONDS = 2;
const sessionsWithLockWaits = new WeakSet<object>();
/**
 * Attempts of a transaction that hits deadlocks or lock-wait timeouts. On a multi-primary cluster
 * (Galera) a certification conflict surfaces as a deadlock: under contention a few in a row are
 * normal, so the budget is generous; the transaction's deadline ends it sooner.
 */
const MAX_ATTEMPTS = 12;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 800;
/** Restarts to take locks a transaction found it needs (see requireLocks); more means a bug. */
const MAX_LOCK_RESTARTS = 3;

export interface TransactionOptions {
  /** Named locks (MySQL) to hold for the whole transaction, its retries included. */
  locks?: Iterable<string>;
  /** A health probe: its outcome does not count in the write health /health reports. */
  probe?: boolean;
  /**
   * MySQL: answered 503 after this long (default MYSQL_TRANSACTION_DEADLINE_MS, for the request
   * path). Work that is legitimately long on a big database (purge, derived-data refresh) passes
   * LONG_TRANSACTION_DEADLINE_MS.
   */
  deadlineMs?: number;
}

/** The deadline of transactions whose work grows with the data (see TransactionOptions.deadlineMs). */
export const LONG_TRANSACTION_DEADLINE_MS = 60_000;

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
 *   overlapping transactions would nest as savepoints of each other; they are queued instead
 *   (one queue per DataSource). After a failed transaction the runner's state is reset to the
 *   connection's (see sqlite-transaction-state.ts).
 * - MySQL: the named locks asked for (up front, or by the work through requireLocks) are taken
 *   before the transaction starts and released after it ends, and their lock rows are bumped as
 *   the transaction's first write (the cross-node guarantee, see SessionLocks.bumpRows); a
 *   deadlock or lock-wait timeout re-runs the whole unit of work with jittered backoff, a bounded
 *   number of times within the transaction's deadline, then answers 503.
 * Outcomes feed the DataSource's WriteHealth, which /health reports.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');

  private defaultDeadlineMs = MYSQL_TRANSACTION_DEADLINE_MS;

  constructor(private readonly dataSource: DataSource) {}

  /** A runner whose transactions are answered 503 after `deadlineMs` instead of the default. */
  static withDeadline(dataSource: DataSource, deadlineMs: number): TransactionRunner {
    const runner = new TransactionRunner(dataSource);
    runner.defaultDeadlineMs = deadlineMs;
    return runner;
  }

  /** The default of TransactionOptions.deadlineMs (see MYSQL_TRANSACTION_DEADLINE_MS). */
  get deadlineMs(): number {
    return this.defaultDeadlineMs;
  }

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
      const deadlineMs = options.deadlineMs ?? this.deadlineMs;
      const result = await (this.isSqlite ? this.runQueued(work, deadlineMs) : this.runWithRetry(work, new Set(options.locks ?? []), deadlineMs));
      if (!options.probe) health.recordSuccess();
      return result;
    } catch (error) {
      if (!options.probe && meansDatabaseUnavailable(error)) health.recordFailure();
      throw error;
    }
  }

  private runQueued<T>(work: (manager: EntityManager) => Promise<T>, deadlineMs: number): Promise<T> {
    const queue = sqliteQueueOf(this.dataSource);
    queue.queued++;
    const result = queue.tail.then(() => this.runSqliteWithRetry(work, deadlineMs)).finally(() => queue.queued--);
    queue.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Another process holding the file's write lock makes a deferred transaction fail with
   * SQLITE_BUSY when it upgrades to writing (the busy timeout does not apply there): the whole
   * unit of work is re-run with jittered backoff, within the transaction's deadline.
   */
  private async runSqliteWithRetry<T>(work: (manager: EntityManager) => Promise<T>, deadlineMs: number): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runSqliteTransaction(work);
      } catch (error) {
        const backoff = backoffMs(attempt);
        if (classifyDatabaseError(error) !== 'retryable' || attempt >= MAX_ATTEMPTS || Date.now() + backoff >= deadline) throw error;
        await delay(backoff);
      }
    }
  }

  private async runSqliteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (sqliteTransactionLeftOpen(this.dataSource)) {
      this.logger.warn('SQLite connection was left inside a transaction: rolling it back');
      resetSqliteTransactionState(this.dataSource);
      // Never nest into a transaction nothing would commit.
      if (sqliteTransactionLeftOpen(this.dataSource)) throw unavailable();
    }
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      // A failed COMMIT may have been rolled back by SQLite itself; make TypeORM agree.
      resetSqliteTransactionState(this.dataSource);
      throw error;
    }
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>, wanted: Set<string>, deadlineMs: number): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    const state = { abandoned: false };
    const attempts = this.attemptUntil(work, wanted, deadline, state);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        state.abandoned = true;
        attempts.catch(() => undefined);
        this.logger.warn(`transaction not done after ${deadlineMs} ms: answered 503`);
        reject(unavailable());
      }, deadlineMs);
    });
    try {
      return await Promise.race([attempts, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async attemptUntil<T>(
    work: (manager: EntityManager) => Promise<T>,
    wanted: Set<string>,
    deadline: number,
    state: { abandoned: boolean },
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const locks = new SessionLocks(runner, String(this.dataSource.options.database ?? ''));
    const unlessAbandoned = (manager: EntityManager): Promise<T> => {
      if (state.abandoned) throw unavailable();
      return work(manager);
    };
    try {
      await boundLockWaits(await runner.connect());
      for (let attempt = 1, restarts = 0; ; ) {
        if (state.abandoned) throw unavailable();
        try {
          await locks.hold(wanted);
          return await runner.manager.transaction(async (manager) => {
            await locks.bumpRows(manager);
            return unlessAbandoned(manager);
          });
        } catch (error) {
          if (error instanceof LocksMissing && restarts++ < MAX_LOCK_RESTARTS) {
            for (const key of error.keys) wanted.add(key);
            continue;
          }
          if (classifyDatabaseError(error) !== 'retryable') throw error;
          const backoff = backoffMs(attempt);
          if (attempt >= MAX_ATTEMPTS || Date.now() + backoff >= deadline) {
            this.logger.warn(`transaction gave up after ${attempt} deadlock/lock-timeout attempts`);
            throw unavailable();
          }
          await delay(backoff);
          attempt++;
        }
      }
    } finally {
      await locks.releaseAll();
      await runner.release();
    }
  }
}

function unavailable(): WebhookException {
  return new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
}

/** Once per pooled session (the setting stays with the session). */
async function boundLockWaits(session: unknown): Promise<void> {
  const connection = session as { query(sql: string, callback: (error: unknown) => void): void } | undefined;
  if (!connection || sessionsWithLockWaits.has(connection)) return;
  await new Promise<void>((resolve, reject) =>
    connection.query(
      `SET SESSION lock_wait_timeout = ${SESSION_LOCK_WAIT_SECONDS}, innodb_lock_wait_timeout = ${SESSION_LOCK_WAIT_SECONDS}`,
      (error) => (error ? reject(error) : resolve()),
    ),
  );
  sessionsWithLockWaits.add(connection);
}

function meansDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof WebhookException) return error.code === WebhookErrorCode.UNAVAILABLE;
  const kind = classifyDatabaseError(error);
  return kind === 'unavailable' || kind === 'retryable';
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of colliding writers spread out. */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
