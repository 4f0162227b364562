import { QueryRunner } from 'typeorm';
import { mysqlCreateTableStatements, mysqlDropTableStatement } from './mysql-ddl';
import { sqliteCreateTableStatements, sqliteDropTableStatement } from './sqlite-ddl';
import { TableDefinition } from './table-definition';

export interface Dialect {
  createTable(table: TableDefinition): string[];
  dropTable(tableName: string): string;
}

const MYSQL: Dialect = { createTable: mysqlCreateTableStatements, dropTable: mysqlDropTableStatement };
const SQLITE: Dialect = { createTable: sqliteCreateTableStatements, dropTable: sqliteDropTableStatement };

export function dialectOf(queryRunner: QueryRunner): Dialect {
  const type = queryRunner.connection.driver.options.type;
  switch (type) {
    case 'mysql':
    case 'mariadb':
      return MYSQL;
    case 'better-sqlite3':
    case 'sqlite':
      return SQLITE;
    default:
      throw new Error(`migrations support MySQL/MariaDB and SQLite, not ${type}`);
  }
}
