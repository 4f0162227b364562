import { column } from '../support/table-definition';
import { domainTable } from './devlake-columns';

export const CICD_SCOPES = domainTable('cicd_scopes', {
  columns: [
    column('name', 'varchar(255)'),
    column('description', 'longtext'),
    column('url', 'varchar(255)'),
    column('created_date', 'datetime(3)'),
    column('updated_date', 'datetime(3)'),
  ],
});

export const CICD_DEPLOYMENTS = domainTable('cicd_deployments', {
  columns: [
    column('cicd_scope_id', 'varchar(255)'),
    column('result', 'varchar(100)'),
    column('original_result', 'varchar(100)'),
    column('status', 'varchar(100)'),
    column('original_status', 'varchar(100)'),
    column('environment', 'varchar(255)'),
    column('original_environment', 'varchar(255)'),
    column('created_date', 'datetime(3)'),
    column('queued_date', 'datetime(3)'),
    column('queued_duration_sec', 'double'),
    column('started_date', 'datetime(3)'),
    column('finished_date', 'datetime(3)'),
    column('duration_sec', 'double'),
    column('subtask_name', 'varchar(255)'),
    column('display_title', 'longtext'),
    column('url', 'longtext'),
    column('name', 'longtext'),
  ],
  indexes: [{ name: 'idx_cicd_deployments_cicd_scope_id', columns: ['cicd_scope_id'] }],
});

export const CICD_DEPLOYMENT_COMMITS = domainTable('cicd_deployment_commits', {
  columns: [
    column('cicd_scope_id', 'varchar(255)'),
    column('cicd_deployment_id', 'varchar(255)'),
    column('name', 'varchar(255)'),
    column('result', 'varchar(100)'),
    column('original_result', 'varchar(100)'),
    column('status', 'varchar(100)'),
    column('original_status', 'varchar(100)'),
    column('environment', 'varchar(255)'),
    column('original_environment', 'varchar(255)'),
    column('created_date', 'datetime(3)'),
    column('queued_date', 'datetime(3)'),
    column('queued_duration_sec', 'double'),
    column('started_date', 'datetime(3)'),
    column('finished_date', 'datetime(3)'),
    column('duration_sec', 'double'),
    column('commit_sha', 'varchar(255)'),
    column('ref_name', 'varchar(255)'),
    column('repo_id', 'varchar(255)'),
    column('repo_url', 'varchar(500)'),
    column('prev_success_deployment_commit_id', 'varchar(255)'),
    column('commit_msg', 'longtext'),
    column('subtask_name', 'varchar(255)'),
    column('display_title', 'longtext'),
    column('url', 'longtext'),
  ],
  extraPrimaryKey: ['commit_sha'],
  indexes: [
    { name: 'idx_cicd_deployment_commits_cicd_scope_id', columns: ['cicd_scope_id'] },
    { name: 'idx_cicd_deployment_commits_repo_url', columns: ['repo_url'] },
  ],
});
