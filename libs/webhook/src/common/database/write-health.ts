import { DataSource } from 'typeorm';

/** How long a commit that failed for want of a usable database keeps /health at 503, unless a commit succeeds. */
export const WRITE_FAILURE_MEMORY_MS = 10_000;

/**
 * Whether commits currently fail because the database cannot take writes (disk full, read-only,
 * unreachable, locked). Kept per DataSource so every TransactionRunner of an app shares it.
 */
export class WriteHealth {
  private lastFailureAt = 0;
  private lastSuccessAt = 0;

  recordSuccess(now = Date.now()): void {
    this.lastSuccessAt = now;
  }

  recordFailure(now = Date.now()): void {
    this.lastFailureAt = now;
  }

  /** The last commit failed, recently, and none succeeded since. */
  failing(now = Date.now()): boolean {
    return this.lastFailureAt > this.lastSuccessAt && now - this.lastFailureAt < WRITE_FAILURE_MEMORY_MS;
  }
}

const byDataSource = new WeakMap<DataSource, WriteHealth>();

export function writeHealthOf(dataSource: DataSource): WriteHealth {
  let health = byDataSource.get(dataSource);
  if (!health) byDataSource.set(dataSource, (health = new WriteHealth()));
  return health;
}
