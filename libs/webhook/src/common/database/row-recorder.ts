import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** `data.rows` of a dry run: table → complete rows, column name → value (spec api.md §13). */
export type DryRunRows = Record<string, Record<string, unknown>[]>;

interface NotedRow {
  target: EntityTarget<ObjectLiteral>;
  key: ObjectLiteral;
}

const recorders = new WeakMap<object, RowRecorder>();

/** What identifies a transaction: its query runner (savepoints share it), else the manager itself. */
function transactionOf(manager: EntityManager): object {
  return manager.queryRunner ?? manager;
}

/**
 * Notes the rows a dry run writes (by primary key) and reads them back before the transaction is
 * rolled back, so the preview shows each row exactly as it would be stored, `created_at` of an
 * overwritten row included. The write helpers note what they write themselves (`noteWritten`,
 * `noteIfMissing`) while a recorder listens to their transaction, so the preview is the write.
 */
export class RowRecorder {
  private readonly noted: NotedRow[] = [];

  /** Starts noting every row the helpers write through `manager`'s transaction. */
  static listen(manager: EntityManager): RowRecorder {
    const recorder = new RowRecorder();
    recorders.set(transactionOf(manager), recorder);
    return recorder;
  }

  /** Called by the write helpers: the rows just inserted or updated, by primary key. */
  static noteWritten<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, keys: Partial<E>[]): void {
    const recorder = recorders.get(transactionOf(manager));
    for (const key of keys) recorder?.noted.push({ target: target as EntityTarget<ObjectLiteral>, key });
  }

  /** Called by the write helpers before an insert "if missing": the row is written only when absent. */
  static async noteIfMissing<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, key: Partial<E>): Promise<void> {
    if (!recorders.has(transactionOf(manager))) return;
    if (!(await manager.exists(target, { where: key }))) RowRecorder.noteWritten(manager, target, [key]);
  }

  /** The primary-key values of a row, as `noteWritten` takes them. */
  static keyOf<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, row: E): Partial<E> {
    const metadata = manager.connection.getMetadata(target);
    return Object.fromEntries(metadata.primaryColumns.map((column) => [column.propertyName, row[column.propertyName]])) as Partial<E>;
  }

  async read(manager: EntityManager): Promise<DryRunRows> {
    const rows: DryRunRows = {};
    const seen = new Set<string>();
    for (const { target, key } of this.noted) {
      const metadata = manager.connection.getMetadata(target);
      const identity = `${metadata.tableName}\u0000${JSON.stringify(key)}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const entity = await manager.findOne(target, { where: key });
      // A row written and then deleted by the same request is not part of the result.
      if (entity) (rows[metadata.tableName] ??= []).push(toColumns(metadata, entity));
    }
    return rows;
  }
}

function toColumns(metadata: EntityMetadata, entity: ObjectLiteral): Record<string, unknown> {
  return Object.fromEntries(metadata.columns.map((column) => [column.databaseName, displayValue(column.getEntityValue(entity))]));
}

/** Datetimes as ISO 8601 UTC, flags as the 0/1 the table holds. */
function displayValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}
