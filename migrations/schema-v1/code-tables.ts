import { column } from '../support/table-definition';
import { domainTable } from './devlake-columns';

export const PULL_REQUESTS = domainTable('pull_requests', {
  columns: [
    column('base_repo_id', 'varchar(191)'),
    column('base_ref', 'varchar(255)'),
    column('base_commit_sha', 'varchar(40)'),
    column('head_repo_id', 'varchar(191)'),
    column('head_ref', 'varchar(255)'),
    column('head_commit_sha', 'varchar(40)'),
    column('merge_commit_sha', 'varchar(40)'),
    column('status', 'varchar(100)', 'open/closed or other'),
    column('original_status', 'varchar(100)'),
    column('type', 'varchar(100)'),
    column('component', 'varchar(100)'),
    column('title', 'longtext'),
    column('description', 'longtext'),
    column('url', 'varchar(255)'),
    column('author_name', 'varchar(100)'),
    column('author_id', 'varchar(100)'),
    column('parent_pr_id', 'varchar(100)'),
    column('pull_request_key', 'bigint'),
    column('created_date', 'datetime(3)'),
    column('merged_date', 'datetime(3)'),
    column('closed_date', 'datetime(3)'),
    column('additions', 'bigint'),
    column('deletions', 'bigint'),
    column('merged_by_name', 'varchar(100)'),
    column('merged_by_id', 'varchar(100)'),
    column('is_draft', 'tinyint(1)'),
  ],
  indexes: [
    { name: 'idx_pull_requests_base_repo_id', columns: ['base_repo_id'] },
    { name: 'idx_pull_requests_head_repo_id', columns: ['head_repo_id'] },
    { name: 'idx_pull_requests_parent_pr_id', columns: ['parent_pr_id'] },
  ],
});

/** Created empty when missing so the `repo_id` lookup always has a table to read. */
export const REPOS = domainTable('repos', {
  columns: [
    column('name', 'longtext'),
    column('url', 'longtext'),
    column('description', 'longtext'),
    column('owner_id', 'varchar(255)'),
    column('language', 'varchar(255)'),
    column('forked_from', 'longtext'),
    column('created_date', 'datetime(3)'),
    column('updated_date', 'datetime(3)'),
    column('deleted', 'tinyint(1)'),
  ],
});
