import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { formatDbDatetime } from '../time';
import { supportsRowLocks } from './upsert-rows';

/** Rows per statement: 31 columns × 500 stays below SQLite's 32766 bound parameters. */
const ROWS_PER_STATEMENT = 500;

interface Column {
  property: string;
  name: string;
}

/**
 * `upsertRows` as plain SQL built once per entity and row count: the hot deployment writes skip
 * the query builder. Rows are complete (stamped); the same columns are overwritten on conflict
 * (every non-key column but `created_at`).
 */
export class UpsertStatement<E extends ObjectLiteral> {
  private readonly sqlByRows = new Map<string, string>();

  constructor(private readonly target: EntityTarget<E>) {}

  async execute(manager: EntityManager, rows: readonly E[]): Promise<void> {
    const columns = this.columnsOf(manager);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      for (const row of chunk) for (const column of columns) values.push(dbValue(row[column.property]));
      await manager.query(this.sql(manager, columns, chunk.length), values);
    }
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
    return manager.connection.getMetadata(this.target).columns.map((column) => ({ property: column.propertyName, name: column.databaseName }));
  }
}

/** Dates as UTC `datetime(3)` text (what TypeORM stores on both drivers); everything else as is. */
function dbValue(value: unknown): unknown {
  if (value instanceof Date) return formatDbDatetime(value);
  return value === undefined ? null : value;
}
