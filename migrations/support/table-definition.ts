/**
 * DDL as data: a migration lists the tables it owns in DevLake's MySQL terms and the dialect
 * writers in this folder turn each description into MySQL or SQLite statements.
 */
export type MysqlType =
  | `varchar(${number})`
  | 'text'
  | 'longtext'
  | 'datetime(3)'
  | 'bigint'
  | 'bigint unsigned'
  | 'int'
  | 'double'
  | 'tinyint(1)';

export interface ColumnDefinition {
  name: string;
  type: MysqlType;
  /** Only on a single `bigint unsigned` primary key. */
  autoIncrement?: boolean;
  comment?: string;
}

export interface IndexDefinition {
  name: string;
  columns: string[];
  unique?: boolean;
}

/**
 * Nullability is not listed per column: DevLake's rule is NOT NULL exactly on primary-key columns
 * and `DEFAULT NULL` everywhere else, so the writers derive it from `primaryKey`.
 */
export interface TableDefinition {
  name: string;
  columns: ColumnDefinition[];
  primaryKey: string[];
  indexes: IndexDefinition[];
}

export function column(name: string, type: MysqlType, comment?: string): ColumnDefinition {
  return comment === undefined ? { name, type } : { name, type, comment };
}

export function isPrimaryKeyColumn(table: TableDefinition, columnName: string): boolean {
  return table.primaryKey.includes(columnName);
}
