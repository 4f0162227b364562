import { column, TableDefinition } from '../support/table-definition';
import { commonColumns, domainTable, keyedTable, rawDataParamsIndex } from './devlake-columns';

export const PROJECTS: TableDefinition = {
  name: 'projects',
  columns: [column('name', 'varchar(255)'), column('description', 'text'), ...commonColumns()],
  primaryKey: ['name'],
  indexes: [rawDataParamsIndex('projects')],
};

export const PROJECT_MAPPING = keyedTable(
  'project_mapping',
  [column('project_name', 'varchar(255)'), column('table', 'varchar(255)'), column('row_id', 'varchar(255)')],
  ['project_name', 'table', 'row_id'],
);

/** Created by DevLake as `project_issue_metrics`; the rename kept the old index name. */
export const PROJECT_INCIDENT_DEPLOYMENT_RELATIONSHIPS = domainTable('project_incident_deployment_relationships', {
  columns: [column('project_name', 'varchar(100)'), column('deployment_id', 'longtext')],
  extraPrimaryKey: ['project_name'],
  rawDataParamsIndexTable: 'project_issue_metrics',
});

export const PROJECT_PR_METRICS = domainTable('project_pr_metrics', {
  columns: [
    column('project_name', 'varchar(100)'),
    column('first_commit_sha', 'longtext'),
    column('pr_coding_time', 'bigint'),
    column('first_review_id', 'longtext'),
    column('pr_pickup_time', 'bigint'),
    column('pr_review_time', 'bigint'),
    column('deployment_commit_id', 'longtext'),
    column('pr_deploy_time', 'bigint'),
    column('pr_cycle_time', 'bigint'),
    column('first_commit_authored_date', 'datetime(3)'),
    column('pr_created_date', 'datetime(3)'),
    column('first_comment_date', 'datetime(3)'),
    column('pr_merged_date', 'datetime(3)'),
    column('pr_deployed_date', 'datetime(3)'),
  ],
  extraPrimaryKey: ['project_name'],
});
