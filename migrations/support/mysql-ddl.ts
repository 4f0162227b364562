import { ColumnDefinition, IndexDefinition, isPrimaryKeyColumn, TableDefinition } from './table-definition';

/** DevLake's table options: gorm on MySQL with the lake database's default collation. */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

/** One CREATE TABLE with its keys inline, so a table never exists without its indexes. */
export function mysqlCreateTableStatements(table: TableDefinition): string[] {
  const parts = [
    ...table.columns.map((col) => mysqlColumn(col, isPrimaryKeyColumn(table, col.name))),
    `PRIMARY KEY (${quoteList(table.primaryKey)})`,
    ...table.indexes.map(mysqlIndex),
  ];
  return [`CREATE TABLE ${quote(table.name)} (\n  ${parts.join(',\n  ')}\n) ${TABLE_OPTIONS}`];
}

export function mysqlDropTableStatement(tableName: string): string {
  return `DROP TABLE IF EXISTS ${quote(tableName)}`;
}

function mysqlColumn(col: ColumnDefinition, primary: boolean): string {
  const parts = [quote(col.name), col.type, primary ? 'NOT NULL' : 'DEFAULT NULL'];
  if (col.autoIncrement) parts.push('AUTO_INCREMENT');
  if (col.comment !== undefined) parts.push(`COMMENT ${stringLiteral(col.comment)}`);
  return parts.join(' ');
}

function mysqlIndex(index: IndexDefinition): string {
  return `${index.unique ? 'UNIQUE KEY' : 'KEY'} ${quote(index.name)} (${quoteList(index.columns)})`;
}

function quote(identifier: string): string {
  return `\`${identifier.replace(/`/g, '``')}\``;
}

function quoteList(identifiers: string[]): string {
  return identifiers.map(quote).join(', ');
}

function stringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
