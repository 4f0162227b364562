import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMissingTables, dropCreatedTables } from './support/owned-tables';
import { column, TableDefinition } from './support/table-definition';

/**
 * The commits each deployment commit row ships, as sent (`commit_shas`, issue 18): replaced whole
 * when the row is re-posted. `diff_old_commit_sha` is the old sha of the `commits_diffs` pair we
 * wrote for the row, NULL when we wrote none (a git plugin owns that pair).
 */
const DEPLOYMENT_COMMIT_SHAS: TableDefinition = {
  name: '_tool_webhook_deployment_commit_shas',
  columns: [
    column('deployment_commit_id', 'varchar(255)'),
    column('deployment_commit_sha', 'varchar(255)'),
    column('sorting_index', 'int'),
    column('commit_sha', 'varchar(255)'),
    column('diff_old_commit_sha', 'varchar(255)'),
  ],
  primaryKey: ['deployment_commit_id', 'deployment_commit_sha', 'sorting_index'],
  indexes: [{ name: 'idx__tool_webhook_deployment_commit_shas_commit_sha', columns: ['commit_sha'] }],
};

/**
 * DevLake's `commits_diffs` (code domain, filled by its git extractor), created only when missing;
 * when we create it, an index on `commit_sha` finds the deployments that shipped a PR's merge commit.
 */
const COMMITS_DIFFS: TableDefinition = {
  name: 'commits_diffs',
  columns: [column('new_commit_sha', 'varchar(40)'), column('old_commit_sha', 'varchar(40)'), column('commit_sha', 'varchar(40)'), column('sorting_index', 'bigint')],
  primaryKey: ['new_commit_sha', 'old_commit_sha', 'commit_sha'],
  indexes: [{ name: 'idx_commits_diffs_commit_sha', columns: ['commit_sha'] }],
};

export const DEPLOYMENT_COMMIT_LIST_TABLES: readonly TableDefinition[] = [DEPLOYMENT_COMMIT_SHAS, COMMITS_DIFFS];

/** Issue 18: shipped commit lists, and DevLake's `commits_diffs` to show them to its dashboards. */
export class AddDeploymentCommitLists1765200000000 implements MigrationInterface {
  name = 'AddDeploymentCommitLists1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createMissingTables(queryRunner, this.name, DEPLOYMENT_COMMIT_LIST_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCreatedTables(queryRunner, this.name);
  }
}
