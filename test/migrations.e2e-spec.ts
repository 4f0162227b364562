import { readFileSync } from 'fs';
import { join } from 'path';
import { Connection, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createDomainDataSource } from '@app/domain';
import { MIGRATIONS } from '../migrations';
import { buildDataSourceOptions, MIGRATIONS_TABLE } from '../src/config/data-source-options';
import { DatabaseTarget } from '../src/config/database-url';
import { EXPECTED_TABLES } from './fixtures/expected-schema';
import { createEmptyDatabase, dropDatabase, mysqlAdminConnection, TestDriver, testDrivers } from './utils/test-databases';

const LEDGER = '_webhook_created_tables';
const SPEC_TABLES = EXPECTED_TABLES.map((table) => table.name);
const ALL_TABLES_AFTER_UP = [...SPEC_TABLES, MIGRATIONS_TABLE, LEDGER, '_webhook_locks', '_webhook_derived_pending'].sort();
const describeMysql = testDrivers().includes('mysql') ? describe : describe.skip;

async function listTables(dataSource: DataSource): Promise<string[]> {
  const sql =
    dataSource.options.type === 'mysql'
      ? `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;
  const rows: Array<{ name: string }> = await dataSource.query(sql);
  return rows.map((row) => row.name).sort();
}

async function revertAll(dataSource: DataSource): Promise<void> {
  for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
}

async function openDataSource(target: DatabaseTarget): Promise<DataSource> {
  const dataSource = createDomainDataSource(buildDataSourceOptions(target));
  await dataSource.initialize();
  return dataSource;
}

describe.each(testDrivers())('migrations on %s', (driver: TestDriver) => {
  let target: DatabaseTarget;
  let dataSource: DataSource;

  beforeAll(async () => {
    target = await createEmptyDatabase(driver, 'migrations');
    dataSource = await openDataSource(target);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (target) await dropDatabase(target);
  });

  it('up on an empty database creates every table', async () => {
    await dataSource.runMigrations();
    expect(await listTables(dataSource)).toEqual(ALL_TABLES_AFTER_UP);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('down removes every table up created, leaving only the migrations table', async () => {
    await revertAll(dataSource);
    expect(await listTables(dataSource)).toEqual([MIGRATIONS_TABLE]);
    expect(await dataSource.query(`SELECT * FROM ${MIGRATIONS_TABLE}`)).toEqual([]);
  });

  it('up works again after down', async () => {
    await dataSource.runMigrations();
    expect(await listTables(dataSource)).toEqual(ALL_TABLES_AFTER_UP);
  });

  it('an up interrupted after part of its DDL is finished by the next up and undone by down', async () => {
    // MySQL commits each DDL statement: a crash can leave tables created (and recorded in the
    // ledger) while the migration itself was never recorded, or a table recorded but not created.
    await dataSource.query(`DELETE FROM ${MIGRATIONS_TABLE}`);
    await dataSource.query('DROP TABLE repos');
    await dataSource.runMigrations();
    expect(await listTables(dataSource)).toEqual(ALL_TABLES_AFTER_UP);
    await revertAll(dataSource);
    expect(await listTables(dataSource)).toEqual([MIGRATIONS_TABLE]);
  });
});

describeMysql('migrations on a database where DevLake already created tables (MySQL)', () => {
  const DEVLAKE_TABLES = ['cicd_deployments', 'issues'];
  let target: Extract<DatabaseTarget, { driver: 'mysql' }>;
  let admin: Connection;
  let dataSource: DataSource;
  let before: Record<string, unknown>;

  /** SHOW CREATE TABLE text and every row of each DevLake table. */
  async function devlakeSnapshot(): Promise<Record<string, unknown>> {
    const snapshot: Record<string, unknown> = {};
    for (const table of DEVLAKE_TABLES) {
      const [[created]] = await admin.query<RowDataPacket[]>(`SHOW CREATE TABLE \`${table}\``);
      const [rows] = await admin.query<RowDataPacket[]>(`SELECT * FROM \`${table}\``);
      snapshot[table] = { ddl: created['Create Table'], rows };
    }
    return snapshot;
  }

  beforeAll(async () => {
    target = (await createEmptyDatabase('mysql', 'devlake')) as typeof target;
    admin = await mysqlAdminConnection(target.database);
    await admin.query(readFileSync(join(__dirname, 'fixtures', 'devlake-ddl.sql'), 'utf8'));
    before = await devlakeSnapshot();
    dataSource = await openDataSource(target);
  });

  afterAll(async () => {
    await admin?.end();
    await dataSource?.destroy();
    if (target) await dropDatabase(target);
  });

  it('starts from DevLake tables that differ from ours, each holding a row', () => {
    const snapshot = before as Record<string, { ddl: string; rows: unknown[] }>;
    expect(snapshot.cicd_deployments.ddl).toMatch(/`cicd_scope_id` varchar\(255\)[^,]*,\s*`name` varchar\(255\)/);
    expect(snapshot.issues.ddl).toMatch(/COLLATE=utf8mb4_general_ci/);
    for (const table of DEVLAKE_TABLES) expect(snapshot[table as 'issues'].rows).toHaveLength(1);
  });

  it('up leaves the DevLake tables byte for byte unchanged and creates every other table', async () => {
    await dataSource.runMigrations();
    expect(await devlakeSnapshot()).toEqual(before);
    expect(await listTables(dataSource)).toEqual(ALL_TABLES_AFTER_UP);
    const recorded: Array<{ table_name: string }> = await dataSource.query(`SELECT table_name FROM ${LEDGER}`);
    const created = SPEC_TABLES.filter((name) => !DEVLAKE_TABLES.includes(name));
    expect(recorded.map((row) => row.table_name).sort()).toEqual(created.sort());
  });

  it('down drops only what up created: the DevLake tables stay, with their rows', async () => {
    await revertAll(dataSource);
    expect(await listTables(dataSource)).toEqual([...DEVLAKE_TABLES, MIGRATIONS_TABLE].sort());
    expect(await devlakeSnapshot()).toEqual(before);
  });

  it('up again still leaves them untouched', async () => {
    await dataSource.runMigrations();
    expect(await devlakeSnapshot()).toEqual(before);
    expect(await listTables(dataSource)).toEqual(ALL_TABLES_AFTER_UP);
  });
});
