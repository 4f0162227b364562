import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { EMPTY_RAW_COLUMNS } from './raw-columns';
import { UpsertStatement } from './upsert-statement';

type StampedColumn = 'createdAt' | 'updatedAt' | keyof typeof EMPTY_RAW_COLUMNS;

/** A domain row as a feature builds it: every column but the timestamps and raw columns. */
export type RowValues<E> = Omit<E, StampedColumn>;

/** Adds `created_at` = `updated_at` = now and the raw columns (spec schema.md §1). */
export function stampRow<E>(values: RowValues<E>, now: Date): E {
  return { ...values, createdAt: now, updatedAt: now, ...EMPTY_RAW_COLUMNS } as E;
}

const statements = new Map<EntityTarget<ObjectLiteral>, UpsertStatement<ObjectLiteral>>();

/** The statement of an entity, built once per process. */
export function upsertStatementOf<E extends ObjectLiteral>(target: EntityTarget<E>): UpsertStatement<E> {
  let statement = statements.get(target);
  if (!statement) statements.set(target, (statement = new UpsertStatement(target)));
  return statement as UpsertStatement<E>;
}

/** Stamps and upserts the rows (UpsertStatement): a re-post replaces the row and keeps its creation time. */
export async function upsertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<E>,
  rows: RowValues<E>[],
  now: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await upsertStatementOf(target).execute(manager, rows.map((row) => stampRow(row, now)));
}

export { supportsRowLocks } from './row-locks';
