import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** `data.rows` of a dry run: table → complete rows, column name → value (spec api.md §13). */
export type DryRunRows = Record<string, Record<string, unknown>[]>;

interface NotedRow {
  target: EntityTarget<ObjectLiteral>;
  key: ObjectLiteral;
}

/**
 * Notes the rows a dry run writes (by primary key) and reads them back before the transaction is
 * rolled back, so the preview shows each row exactly as it would be stored, `created_at` of an
 * overwritten row included.
 */
export class RowRecorder {
  private readonly noted: NotedRow[] = [];

  note<E extends ObjectLiteral>(target: EntityTarget<E>, key: Partial<E>): void {
    this.noted.push({ target: target as EntityTarget<ObjectLiteral>, key });
  }

  /** Notes the row only when it does not exist yet (rows inserted "if missing"); call before the insert. */
  async noteIfMissing<E extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<E>, key: Partial<E>): Promise<void> {
    if (!(await manager.exists(target, { where: key }))) this.note(target, key);
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
