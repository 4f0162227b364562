import { EntityManager, EntityTarget, ObjectLiteral, ValueTransformer } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';
import { formatDbDatetime } from '../time';
import { RowRecorder } from './row-recorder';
import { supportsRowLocks } from './row-locks';

/** Rows per statement: 31 columns × 500 stays below SQLite's 32766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

interface Column {
  property: string;
  name: string;
  transformer?: ValueTransformer | ValueTransformer[];
}

/**
 * The one upsert of the domain tables, as plain SQL built once per entity and row count: inserts
 * the rows, or overwrites every non-key column of existing ones but `created_at` (MySQL
 * `ON DUPLICATE KEY UPDATE`, SQLite `ON CONFLICT DO UPDATE`). Rows are complete (stamped). The rows
 * written are noted for a dry run's preview.
 */
export class UpsertStatement<E extends ObjectLiteral> {
  private readonly sqlByRows = new Map<string, string>();

  constructor(private readonly target: EntityTarget<E>) {}

  async execute(manager: EntityManager, rows: readonly E[]): Promise<void> {
    const columns = this.columnsOf(manager);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      for (const row of chunk) for (const column of columns) values.push(dbValue(row[column.property], column.transformer));
      await manager.query(this.sql(manager, columns, chunk.length), values);
    }
    RowRecorder.noteWritten(manager, this.target, rows.map((row) => RowRecorder.keyOf(manager, this.target, row)));
  }

  private sql(manager: EntityManager, columns: Column[], rowCount: number): string {
    const mysql = supportsRowLocks(manager);
    const key = `${mysql}:${rowCount}`;
    let sql = this.sqlByRows.get(key);
    if (sql) return sql;
    const metadata = manager.connection.getMetadata(this.target);
    const quote = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
    const keys = metadata.primaryColumns.map((column) => quote(column.databaseName));
    const overwritten = columns.map((column) => column.name).filter((name) => name !== 'created_at' && !metadata.primaryColumns.some((c) => c.databaseName === name));
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const insert = `INSERT INTO ${quote(metadata.tableName)} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')}`;
    sql = mysql
      ? `${insert} ON DUPLICATE KEY UPDATE ${overwritten.map((name) => `${quote(name)} = VALUES(${quote(name)})`).join(', ')}`
      : `${insert} ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${overwritten.map((name) => `${quote(name)} = excluded.${quote(name)}`).join(', ')}`;
    this.sqlByRows.set(key, sql);
    return sql;
  }

  private columnsOf(manager: EntityManager): Column[] {
    return manager.connection.getMetadata(this.target).columns.map((column) => ({ property: column.propertyName, name: column.databaseName, transformer: column.transformer }));
  }
}

/** The entity's column transformer first; dates as UTC `datetime(3)` text (what TypeORM stores on both drivers). */
function dbValue(value: unknown, transformer: Column['transformer']): unknown {
  const stored = transformer ? ApplyValueTransformers.transformTo(transformer, value) : value;
  if (stored instanceof Date) return formatDbDatetime(stored);
  if (typeof stored === 'boolean') return stored ? 1 : 0;
  return stored === undefined ? null : stored;
}
