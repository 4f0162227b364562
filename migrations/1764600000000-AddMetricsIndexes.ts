import { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATED_TABLES_LEDGER } from './support/owned-tables';

export interface MetricsIndex {
  table: string;
  name: string;
  columns: string[];
  /** MySQL only: index these (longtext) columns by their first N characters. */
  prefixLengths?: Record<string, number>;
}

/** The migration whose ledger says which tables are ours to index. */
const TABLES_CREATED_BY = 'CreateDomainTables1764400000000';

/**
 * Indexes the metrics queries need (spec metrics.md; libs/dora). InnoDB keys stop at 3072 bytes
 * (a utf8mb4 varchar(255) takes 1020), so no single index covers scope, result, environment,
 * finish and deployment id; the deployment-day query is split along the second and third
 * (libs/dora deployment-days.repository.ts).
 */
export const METRICS_INDEXES: readonly MetricsIndex[] = [
  {
    // The latest successful production row before an incident (§4.4): one index dive. Environment
    // comes before result so that MariaDB never takes this index for the result scan below.
    table: 'cicd_deployment_commits',
    name: 'idx_cicd_deployment_commits_dora_finish',
    columns: ['cicd_scope_id', 'environment', 'result', 'finished_date'],
  },
  {
    // B1 finishes grouped in deployment order without reading rows (3067 bytes).
    table: 'cicd_deployment_commits',
    name: 'idx_cicd_deployment_commits_dora_env_deployment',
    columns: ['cicd_scope_id', 'environment', 'cicd_deployment_id', 'finished_date'],
  },
  {
    // The deployments having rows of another result than SUCCESS; one deployment's SUCCESS rows.
    table: 'cicd_deployment_commits',
    name: 'idx_cicd_deployment_commits_dora_result_deployment',
    columns: ['cicd_scope_id', 'result', 'cicd_deployment_id'],
  },
  {
    // The deployment commit rows that shipped a PR's merge commit (§4.3).
    table: 'cicd_deployment_commits',
    name: 'idx_cicd_deployment_commits_dora_commit_sha',
    columns: ['commit_sha'],
  },
  {
    table: 'project_incident_deployment_relationships',
    name: 'idx_project_incident_deployment_relationships_dora_project',
    columns: ['project_name'],
  },
  { table: 'project_pr_metrics', name: 'idx_project_pr_metrics_dora_project', columns: ['project_name'] },
];

/**
 * Adds the metrics indexes to the tables our first migration created. A table DevLake made is left
 * untouched (no ALTER on existing tables, spec schema.md §1), and so are its own indexes; `down`
 * drops only the indexes listed here.
 */
export class AddMetricsIndexes1764600000000 implements MigrationInterface {
  name = 'AddMetricsIndexes1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createOwnIndexes(queryRunner, METRICS_INDEXES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIndexes(queryRunner, METRICS_INDEXES);
  }
}

/** Creates these indexes on the tables our first migration created (a DevLake table is left alone). */
export async function createOwnIndexes(queryRunner: QueryRunner, indexes: readonly MetricsIndex[]): Promise<void> {
  const mysql = isMysql(queryRunner);
  for (const index of indexes) {
    if (!(await ownsTable(queryRunner, index.table))) continue;
    if (mysql && (await mysqlIndexExists(queryRunner, index))) continue;
    const prefix = (column: string) => (mysql && index.prefixLengths?.[column] ? `(${index.prefixLengths[column]})` : '');
    const columns = index.columns.map((column) => quote(column, mysql) + prefix(column)).join(', ');
    const ifNotExists = mysql ? '' : 'IF NOT EXISTS ';
    await queryRunner.query(`CREATE INDEX ${ifNotExists}${quote(index.name, mysql)} ON ${quote(index.table, mysql)} (${columns})`);
  }
}

export async function dropIndexes(queryRunner: QueryRunner, indexes: readonly MetricsIndex[]): Promise<void> {
  const mysql = isMysql(queryRunner);
  for (const index of [...indexes].reverse()) {
    if (!mysql) {
      await queryRunner.query(`DROP INDEX IF EXISTS ${quote(index.name, false)}`);
    } else if (await mysqlIndexExists(queryRunner, index)) {
      await queryRunner.query(`DROP INDEX ${quote(index.name, true)} ON ${quote(index.table, true)}`);
    }
  }
}

function isMysql(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.driver.options.type;
  if (type === 'mysql' || type === 'mariadb') return true;
  if (type === 'better-sqlite3' || type === 'sqlite') return false;
  throw new Error(`migrations support MySQL/MariaDB and SQLite, not ${type}`);
}

async function ownsTable(queryRunner: QueryRunner, table: string): Promise<boolean> {
  if (!(await queryRunner.hasTable(CREATED_TABLES_LEDGER.name)) || !(await queryRunner.hasTable(table))) return false;
  const rows: unknown[] = await queryRunner.query(
    `SELECT 1 AS owned FROM ${CREATED_TABLES_LEDGER.name} WHERE migration = ? AND table_name = ?`,
    [TABLES_CREATED_BY, table],
  );
  return rows.length > 0;
}

async function mysqlIndexExists(queryRunner: QueryRunner, index: MetricsIndex): Promise<boolean> {
  const rows: unknown[] = await queryRunner.query(
    `SELECT 1 AS found FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ? LIMIT 1`,
    [index.table, index.name],
  );
  return rows.length > 0;
}

function quote(identifier: string, mysql: boolean): string {
  return mysql ? `\`${identifier.replace(/`/g, '``')}\`` : `"${identifier.replace(/"/g, '""')}"`;
}
