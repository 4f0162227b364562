import { Connection, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import {
  createDomainDataSource,
  DOMAIN_ENTITIES,
  IssueEntity,
  WebhookConnectionEntity,
  WebhookRequestEntity,
} from '@app/domain';
import { buildDataSourceOptions, MIGRATIONS_TABLE } from '../src/config/data-source-options';
import { DatabaseTarget } from '../src/config/database-url';
import {
  asEntityTable,
  asMysqlTable,
  asSqliteTable,
  EXPECTED_TABLES,
  ExpectedTable,
} from './fixtures/expected-schema';
import { METRICS_INDEXES } from '../migrations/1764600000000-AddMetricsIndexes';
import { DERIVED_DATA_INDEXES } from '../migrations/1765300000000-AddDerivedDataIndexes';
import { PR_METRICS_BY_DEPLOYMENT_INDEXES } from '../migrations/1765400000000-IndexPrMetricsByDeployment';
import { DERIVED_DATA_LOOKUP_INDEXES } from '../migrations/1765600000000-IndexDerivedDataLookups';
import { readEntitySchema } from './fixtures/read-schema/entity-schema';
import { readMysqlSchema } from './fixtures/read-schema/mysql-schema';
import { readSqliteSchema, SqliteTableFacts } from './fixtures/read-schema/sqlite-schema';
import { createEmptyDatabase, dropDatabase, mysqlAdminConnection, TestDriver, testDrivers } from './utils/test-databases';

/** Our bookkeeping tables: TypeORM's migrations table, the created-tables ledger and the lock rows. */
const OWN_TABLES = [MIGRATIONS_TABLE, '_webhook_created_tables', '_webhook_locks', '_webhook_derived_pending'];
const EXPECTED_NAMES = EXPECTED_TABLES.map((table) => table.name);
const BY_TABLE = EXPECTED_TABLES.map((table) => [table.name, table] as const);
/**
 * What the migrations leave: schema.md's tables plus the indexes the metrics queries need
 * (migration AddMetricsIndexes, not part of DevLake's DDL); entities declare schema.md's alone.
 */
const MIGRATED_BY_TABLE = EXPECTED_TABLES.map((table): readonly [string, ExpectedTable] => {
  const extra = [...METRICS_INDEXES, ...DERIVED_DATA_INDEXES, ...PR_METRICS_BY_DEPLOYMENT_INDEXES, ...DERIVED_DATA_LOOKUP_INDEXES].filter((index) => index.table === table.name).map((index) => ({
    name: index.name,
    unique: false,
    columns: [...index.columns],
  }));
  return [table.name, { ...table, indexes: [...table.indexes, ...extra] }];
});
const describeMysql = testDrivers().includes('mysql') ? describe : describe.skip;

async function migratedDatabase(target: DatabaseTarget): Promise<DataSource> {
  const dataSource = createDomainDataSource(buildDataSourceOptions(target));
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

describeMysql('schema on MySQL/MariaDB matches schema.md', () => {
  let target: Extract<DatabaseTarget, { driver: 'mysql' }>;
  let dataSource: DataSource;
  let admin: Connection;
  let actual: Map<string, ExpectedTable>;

  beforeAll(async () => {
    target = (await createEmptyDatabase('mysql', 'schema')) as typeof target;
    dataSource = await migratedDatabase(target);
    admin = await mysqlAdminConnection();
    actual = await readMysqlSchema(admin, target.database);
  });

  afterAll(async () => {
    await admin?.end();
    await dataSource?.destroy();
    if (target) await dropDatabase(target);
  });

  /** Rows of an information_schema query over our tables (`?` is the database). */
  const rows = async (sql: string): Promise<RowDataPacket[]> =>
    (await admin.query<RowDataPacket[]>(sql, [target.database, MIGRATIONS_TABLE]))[0];

  it('holds exactly the spec tables and our bookkeeping tables', () => {
    expect([...actual.keys()].sort()).toEqual([...EXPECTED_NAMES, ...OWN_TABLES].sort());
  });

  it.each(MIGRATED_BY_TABLE)('%s: columns (order, type, length, nullability, comments), primary key, indexes', (name, expected) => {
    expect(actual.get(name)).toEqual(asMysqlTable(expected));
  });

  it('creates every table as InnoDB utf8mb4_bin, every text column utf8mb4_bin', async () => {
    const tables = await rows(
      `SELECT TABLE_NAME AS name, ENGINE AS engine, TABLE_COLLATION AS collation
         FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ?`,
    );
    expect(tables).toHaveLength(EXPECTED_NAMES.length + OWN_TABLES.length - 1);
    for (const table of tables) expect(table).toEqual({ name: table.name, engine: 'InnoDB', collation: 'utf8mb4_bin' });
    const otherCollations = await rows(
      `SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? AND COLLATION_NAME <> 'utf8mb4_bin'`,
    );
    expect(otherCollations).toEqual([]);
  });

  it('has no defaults but NULL, no prefix indexes but our own on longtext columns, and no foreign keys', async () => {
    const defaults = await rows(
      `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? AND COLUMN_DEFAULT IS NOT NULL AND COLUMN_DEFAULT <> 'NULL'`,
    );
    expect(defaults).toEqual([]);
    const prefixes = await rows(
      `SELECT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? AND SUB_PART IS NOT NULL`,
    );
    const ownPrefixes = PR_METRICS_BY_DEPLOYMENT_INDEXES.map((index) => ({ TABLE_NAME: index.table, INDEX_NAME: index.name }));
    expect(prefixes).toEqual(ownPrefixes);
    const foreignKeys = await rows(
      `SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME <> ?`,
    );
    expect(foreignKeys).toEqual([]);
  });
});

describe('schema on SQLite matches schema.md §5', () => {
  let dataSource: DataSource;
  let actual: Map<string, SqliteTableFacts>;

  beforeAll(async () => {
    const target = (await createEmptyDatabase('sqlite', 'schema')) as Extract<DatabaseTarget, { driver: 'sqlite' }>;
    dataSource = await migratedDatabase(target);
    actual = readSqliteSchema(target.path);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('holds exactly the spec tables and our bookkeeping tables', () => {
    expect([...actual.keys()].sort()).toEqual([...EXPECTED_NAMES, ...OWN_TABLES].sort());
  });

  it.each(MIGRATED_BY_TABLE)('%s: columns (order, declared type, nullability), primary key, index names', (name, expected) => {
    expect(actual.get(name)?.description).toEqual(asSqliteTable(expected));
    expect(actual.get(name)?.implicitUniqueIndexes).toEqual([]);
  });

  it('compares keys like utf8mb4_bin: case-sensitive, trailing spaces ignored', async () => {
    await dataSource.query(`INSERT INTO cicd_scopes (id) VALUES ('webhook:1'), ('WEBHOOK:1')`);
    await expect(dataSource.query(`INSERT INTO cicd_scopes (id) VALUES ('webhook:1  ')`)).rejects.toThrow(/UNIQUE/);
  });

  it('never reuses an AUTOINCREMENT id', async () => {
    await dataSource.query(`INSERT INTO _tool_webhook_connections (name) VALUES ('a')`);
    await dataSource.query(`DELETE FROM _tool_webhook_connections`);
    await dataSource.query(`INSERT INTO _tool_webhook_connections (name) VALUES ('b')`);
    expect(await dataSource.query(`SELECT id FROM _tool_webhook_connections`)).toEqual([{ id: 2 }]);
  });
});

describe('entities mirror schema.md', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDomainDataSource(buildDataSourceOptions(await createEmptyDatabase('sqlite', 'entities')));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('has one entity per spec table and nothing else', () => {
    expect(DOMAIN_ENTITIES).toHaveLength(EXPECTED_TABLES.length);
    expect(dataSource.entityMetadatas.map((metadata) => metadata.tableName).sort()).toEqual([...EXPECTED_NAMES].sort());
  });

  it.each(BY_TABLE)('%s: column names, types, lengths, nullability, comments, primary key, indexes', (name, expected) => {
    expect(readEntitySchema(dataSource, name)).toEqual(asEntityTable(expected));
  });
});

describe.each(testDrivers())('entities round-trip on the migrated %s schema', (driver: TestDriver) => {
  const at = new Date('2024-05-01T10:00:00.123Z');
  let target: DatabaseTarget;
  let dataSource: DataSource;

  beforeAll(async () => {
    target = await createEmptyDatabase(driver, 'entities_rt');
    dataSource = await migratedDatabase(target);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (target) await dropDatabase(target);
  });

  it('reads ids and counters back as numbers, flags as booleans, times to the millisecond', async () => {
    const connections = dataSource.getRepository(WebhookConnectionEntity);
    const { id } = await connections.save({ name: 'ci', createdAt: at, updatedAt: at });
    const requests = dataSource.getRepository(WebhookRequestEntity);
    await requests.save({ createdAt: at, connectionId: id, bodyTruncated: false, status: 200 });
    const issues = dataSource.getRepository(IssueEntity);
    const issue = { id: 'webhook:1:I-1', rawDataId: 0, isSubtask: true, leadTimeMinutes: 90, storyPoint: 2.5, createdDate: at };
    await issues.save(issue);

    expect(await connections.findOneByOrFail({ id })).toEqual({ id: 1, name: 'ci', createdAt: at, updatedAt: at });
    expect(await requests.findOneByOrFail({ connectionId: 1 })).toMatchObject({
      id: 1,
      connectionId: 1,
      bodyTruncated: false,
      status: 200,
      createdAt: at,
      body: null,
    });
    expect(await issues.findOneByOrFail({ id: issue.id })).toMatchObject({ ...issue, dueDate: null });
  });

  it('stores datetime(3) in UTC', async () => {
    const sql =
      driver === 'mysql'
        ? `SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f') AS t FROM _tool_webhook_connections`
        : `SELECT created_at AS t FROM _tool_webhook_connections`;
    const [{ t }] = await dataSource.query(sql);
    expect(String(t).slice(0, 23)).toBe('2024-05-01 10:00:00.123');
  });
});
