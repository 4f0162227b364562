import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../errors';

const MAX_ATTEMPTS = 4;

/**
 * Runs a unit of work in one database transaction.
 * - SQLite: TypeORM shares one connection (one query runner) between all callers, so two
 *   overlapping transactions would nest as savepoints of each other; they are queued instead.
 * - MySQL: a deadlock or lock-wait timeout is retried a bounded number of times, then answered 503.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    const type = this.dataSource.options.type;
    return type === 'better-sqlite3' || type === 'sqlite';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.isSqlite ? this.runQueued(work) : this.runWithRetry(work);
  }

  private runQueued<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = result.catch(() => undefined);
    return result;
  }

  private async runWithRetry<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (classifyDatabaseError(error) !== 'retryable') throw error;
        if (attempt >= MAX_ATTEMPTS) {
          this.logger.warn(`transaction gave up after ${attempt} deadlock/lock-timeout attempts`);
          throw new WebhookException(WebhookErrorCode.UNAVAILABLE, { headers: { 'Retry-After': '5' } });
        }
        await delay(10 * 2 ** attempt + Math.random() * 20);
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
