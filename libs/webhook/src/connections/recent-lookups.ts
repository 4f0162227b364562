import { withDatabaseDeadline } from '../common/errors';

/**
 * How long a row read on the hot ingestion path (API key by hash, connection by id or name) is
 * reused without asking the database again. Changes made through this process are seen at once
 * (`forget()` after their commit); a rotation, deletion or rename made by another process sharing
 * the database takes effect here within this bound.
 */
export const RECENT_LOOKUP_TTL_MS = 2_000;

const MAX_ENTRIES = 10_000;

/**
 * Longest a request waits for one of these reads: a database that hangs (frozen, unreachable
 * without a reset) must get a 503 within 5 s, not a request waiting for as long as it does.
 */
export const LOOKUP_DEADLINE_MS = 1_500;

/**
 * Found rows by key for a short time; absent rows are never remembered, so a new key or
 * connection works at once everywhere. Concurrent misses of one key share one read. A read that
 * started before a `forget()` is neither stored nor shared: it may have seen the row as it was
 * before the change.
 */
export class RecentLookups<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();
  private readonly reading = new Map<K, Promise<V | null>>();
  private generation = 0;

  constructor(private readonly ttlMs = RECENT_LOOKUP_TTL_MS) {}

  get(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const found = this.entries.get(key);
    if (found && found.expiresAt > Date.now()) return Promise.resolve(found.value);
    return this.reading.get(key) ?? this.read(key, load);
  }

  /** Drops everything; call after a change to the rows behind these lookups has committed. */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
    this.reading.clear();
  }

  private read(key: K, load: () => Promise<V | null>): Promise<V | null> {
    const generation = this.generation;
    const done = () => {
      if (this.reading.get(key) === reading) this.reading.delete(key);
    };
    const reading = withDatabaseDeadline(load(), LOOKUP_DEADLINE_MS, 'lookup').then(
      (value) => {
        done();
        if (value === null) this.entries.delete(key);
        else if (generation === this.generation) this.remember(key, value);
        return value;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    this.reading.set(key, reading);
    return reading;
  }

  private remember(key: K, value: V): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }
}
