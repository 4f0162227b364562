import { createHash } from 'crypto';
import { EntityManager, QueryRunner } from 'typeorm';
import { supportsRowLocks } from './upsert-rows';

/** The table of lock rows (migration CreateLockRows). */
export const LOCK_ROWS_TABLE = '_webhook_locks';

/** How long one attempt waits for a named lock before it counts as a lock-wait timeout. */
const LOCK_WAIT_SECONDS = 3;

/** The named locks each MySQL transaction of the TransactionRunner holds, by its query runner. */
const heldByRunner = new WeakMap<QueryRunner, ReadonlySet<string>>();

/** Thrown inside a transaction that needs locks it does not hold; the runner takes them and starts over. */
export class LocksMissing extends Error {
  constructor(readonly keys: readonly string[]) {
    super(`named locks missing: ${keys.length}`);
  }
}

/** A GET_LOCK wait ran out: handled like an InnoDB lock-wait timeout (retried, then 503). */
export class NamedLockTimeout extends Error {
  readonly code = 'ER_LOCK_WAIT_TIMEOUT';
  constructor() {
    super('timed out waiting for a named lock');
  }
}

/**
 * Throws LocksMissing unless the transaction of `manager` holds every key. Call it before the
 * first read the keys protect. SQLite runs one transaction at a time and needs none.
 */
export function requireLocks(manager: EntityManager, keys: Iterable<string>): void {
  if (!supportsRowLocks(manager)) return;
  const held = manager.queryRunner ? heldByRunner.get(manager.queryRunner) : undefined;
  const missing = [...new Set(keys)].filter((key) => !held?.has(key));
  if (missing.length > 0) throw new LocksMissing(missing);
}

/**
 * MySQL user-level locks (GET_LOCK) held by one session across a transaction and its retries:
 * they serialize writers of the same logical key (a repository's deployment chains, a deployment
 * id) in every process sharing the database, without locking rows or gaps. Names are hashed with
 * the database name: GET_LOCK names are server-wide and at most 64 characters.
 */
export class SessionLocks {
  private held = new Set<string>();

  constructor(
    private readonly runner: QueryRunner,
    private readonly database: string,
  ) {}

  /** Holds exactly `keys` plus those already held, taken in one sorted order so that two sessions never deadlock. */
  async hold(keys: Iterable<string>): Promise<void> {
    const wanted = new Set([...this.held, ...keys]);
    if (wanted.size === this.held.size) return;
    // Adding to a held set out of order could deadlock: start from nothing, sorted.
    if (this.held.size > 0) await this.releaseAll();
    const ordered = [...wanted].map((key) => ({ key, name: this.nameOf(key) })).sort((a, b) => (a.name < b.name ? -1 : 1));
    // Counted as held before asking, so that a failed statement still releases whatever it got.
    this.held = wanted;
    let granted: Record<string, unknown> | undefined;
    try {
      const rows: Record<string, unknown>[] = await this.runner.query(
        `SELECT ${ordered.map((_, i) => `GET_LOCK(?, ${LOCK_WAIT_SECONDS}) AS l${i}`).join(', ')}`,
        ordered.map(({ name }) => name),
      );
      granted = rows[0];
    } catch (error) {
      await this.releaseAll();
      throw error;
    }
    if (ordered.some((_, i) => Number(granted?.[`l${i}`]) !== 1)) {
      await this.releaseAll();
      throw new NamedLockTimeout();
    }
    this.publish();
  }

  /**
   * Bumps the lock row of every held lock, first thing in the transaction. GET_LOCK only
   * serializes writers connected to the same server; the row write makes writers of the same key
   * on different primaries (Galera) conflict at certification, so one of them is re-run (a
   * deadlock error) and reads what the other committed.
   */
  async bumpRows(manager: EntityManager): Promise<void> {
    if (this.held.size === 0) return;
    const names = [...this.held].map((key) => this.nameOf(key)).sort();
    await manager.query(
      `INSERT INTO \`${LOCK_ROWS_TABLE}\` (\`name\`, \`version\`) VALUES ${names.map(() => '(?, 1)').join(', ')}
         ON DUPLICATE KEY UPDATE \`version\` = \`version\` + 1`,
      names,
    );
  }

  /** Releases every lock; a session that cannot release is closed, which releases them server-side. */
  async releaseAll(): Promise<void> {
    if (this.held.size === 0) return;
    const names = [...this.held].map((key) => this.nameOf(key));
    this.held = new Set();
    this.publish();
    try {
      await this.runner.query(`SELECT ${names.map((_, i) => `RELEASE_LOCK(?) AS r${i}`).join(', ')}`, names);
    } catch {
      (this.runner as QueryRunner & { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
    }
  }

  private publish(): void {
    heldByRunner.set(this.runner, new Set(this.held));
  }

  private nameOf(key: string): string {
    return `dlw:${createHash('sha1').update(`${this.database}\u0000${key}`).digest('hex')}`;
  }
}
