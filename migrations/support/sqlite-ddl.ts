import { ColumnDefinition, isPrimaryKeyColumn, MysqlType, TableDefinition } from './table-definition';

/**
 * SQLite twin of the MySQL DDL (spec schema.md §5). Text gets `COLLATE RTRIM` so keys compare like
 * `utf8mb4_bin` (case-sensitive, trailing spaces ignored). NOT NULL is spelled out on primary-key
 * columns because SQLite, unlike MySQL, lets a non-integer primary key hold NULL.
 */
export function sqliteCreateTableStatements(table: TableDefinition): string[] {
  const rowidKey = table.columns.find((col) => col.autoIncrement);
  const parts = table.columns.map((col) =>
    sqliteColumn(col, isPrimaryKeyColumn(table, col.name), col === rowidKey),
  );
  // An AUTOINCREMENT key must be declared inline as the rowid alias, never in a table constraint.
  if (!rowidKey) parts.push(`PRIMARY KEY (${quoteList(table.primaryKey)})`);
  const createTable = `CREATE TABLE ${quote(table.name)} (\n  ${parts.join(',\n  ')}\n)`;
  const createIndexes = table.indexes.map(
    (index) =>
      `CREATE ${index.unique ? 'UNIQUE INDEX' : 'INDEX'} ${quote(index.name)} ` +
      `ON ${quote(table.name)} (${quoteList(index.columns)})`,
  );
  return [createTable, ...createIndexes];
}

export function sqliteDropTableStatement(tableName: string): string {
  return `DROP TABLE IF EXISTS ${quote(tableName)}`;
}

export function sqliteType(type: MysqlType): string {
  switch (type) {
    case 'text':
    case 'longtext':
      return 'TEXT COLLATE RTRIM';
    case 'datetime(3)':
      return 'TEXT';
    case 'bigint':
    case 'bigint unsigned':
    case 'int':
    case 'tinyint(1)':
      return 'INTEGER';
    case 'double':
      return 'REAL';
    default:
      if (/^varchar\(\d+\)$/.test(type)) return 'TEXT COLLATE RTRIM';
      throw new Error(`no SQLite type for MySQL type ${type}`);
  }
}

function sqliteColumn(col: ColumnDefinition, primary: boolean, rowidKey: boolean): string {
  if (rowidKey) {
    if (col.type !== 'bigint unsigned' || !primary) {
      throw new Error(`${col.name}: AUTO_INCREMENT needs a bigint unsigned primary key`);
    }
    return `${quote(col.name)} INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`;
  }
  return `${quote(col.name)} ${sqliteType(col.type)}${primary ? ' NOT NULL' : ''}`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

function quoteList(identifiers: string[]): string {
  return identifiers.map(quote).join(', ');
}
