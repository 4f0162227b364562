import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EMPTY_RAW_COLUMNS } from './raw-columns';

type StampedColumn = 'createdAt' | 'updatedAt' | keyof typeof EMPTY_RAW_COLUMNS;

/** A domain row as a feature builds it: every column but the timestamps and raw columns. */
export type RowValues<E> = Omit<E, StampedColumn>;

/** Adds `created_at` = `updated_at` = now and the raw columns (spec schema.md §1). */
export function stampRow<E>(values: RowValues<E>, now: Date): E {
  return { ...values, createdAt: now, updatedAt: now, ...EMPTY_RAW_COLUMNS } as E;
}

/**
 * Inserts the rows, or overwrites every non-key column of existing ones except `created_at`
 * (MySQL `ON DUPLICATE KEY UPDATE`, SQLite `ON CONFLICT DO UPDATE`): a re-post replaces the row
 * and keeps its creation time.
 */
export async function upsertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  rows: RowValues<E>[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const keys = metadata.primaryColumns.map((column) => column.databaseName);
  const overwritten = metadata.columns
    .filter((column) => !column.isPrimary && column.databaseName !== 'created_at')
    .map((column) => column.databaseName);
  await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(rows.map((row) => stampRow(row, now) as QueryDeepPartialEntity<E>))
    .orUpdate(overwritten, keys)
    .updateEntity(false)
    .execute();
}

/** True on MySQL/MariaDB, where locking reads exist (SQLite serializes whole transactions). */
export function supportsRowLocks(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql' || manager.connection.options.type === 'mariadb';
}
