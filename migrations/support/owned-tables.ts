import { QueryRunner } from 'typeorm';
import { Dialect, dialectOf } from './dialect';
import { column, TableDefinition } from './table-definition';

/**
 * Which tables a migration created, so its `down` drops exactly those and never a table DevLake
 * made. A row is written *before* its CREATE TABLE: MySQL commits every DDL statement on its own,
 * so after a crash mid-`up` the ledger may name a table that does not exist yet (the next `up`
 * creates it, `down` drops it IF EXISTS) but never misses one we made. A table that exists without
 * a ledger row belongs to someone else and is left untouched. The ledger itself is dropped once the
 * last migration using it has been reverted.
 */
export const CREATED_TABLES_LEDGER: TableDefinition = {
  name: '_webhook_created_tables',
  columns: [column('migration', 'varchar(255)'), column('table_name', 'varchar(255)')],
  primaryKey: ['migration', 'table_name'],
  indexes: [],
};

const LEDGER = CREATED_TABLES_LEDGER.name;

/** Creates each listed table that does not exist yet and records it as created by `migration`. */
export async function createMissingTables(
  queryRunner: QueryRunner,
  migration: string,
  tables: readonly TableDefinition[],
): Promise<void> {
  const dialect = dialectOf(queryRunner);
  if (!(await queryRunner.hasTable(LEDGER))) await run(queryRunner, dialect.createTable(CREATED_TABLES_LEDGER));
  const owned = await ownedTables(queryRunner, migration);
  for (const table of tables) {
    if (await queryRunner.hasTable(table.name)) continue;
    if (!owned.has(table.name)) {
      await queryRunner.query(`INSERT INTO ${LEDGER} (migration, table_name) VALUES (?, ?)`, [migration, table.name]);
    }
    await run(queryRunner, dialect.createTable(table));
  }
}

/** Drops the tables `createMissingTables` recorded for `migration`, and nothing else. */
export async function dropCreatedTables(queryRunner: QueryRunner, migration: string): Promise<void> {
  if (!(await queryRunner.hasTable(LEDGER))) return;
  const dialect = dialectOf(queryRunner);
  for (const tableName of await ownedTables(queryRunner, migration)) {
    await queryRunner.query(dialect.dropTable(tableName));
    await queryRunner.query(`DELETE FROM ${LEDGER} WHERE migration = ? AND table_name = ?`, [migration, tableName]);
  }
  await dropLedgerIfEmpty(queryRunner, dialect);
}

async function ownedTables(queryRunner: QueryRunner, migration: string): Promise<Set<string>> {
  const rows: Array<{ table_name: string }> = await queryRunner.query(
    `SELECT table_name FROM ${LEDGER} WHERE migration = ?`,
    [migration],
  );
  return new Set(rows.map((row) => row.table_name));
}

async function dropLedgerIfEmpty(queryRunner: QueryRunner, dialect: Dialect): Promise<void> {
  const rows: unknown[] = await queryRunner.query(`SELECT 1 FROM ${LEDGER} LIMIT 1`);
  if (rows.length === 0) await queryRunner.query(dialect.dropTable(LEDGER));
}

async function run(queryRunner: QueryRunner, statements: string[]): Promise<void> {
  for (const statement of statements) await queryRunner.query(statement);
}
