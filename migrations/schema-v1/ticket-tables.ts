import { column } from '../support/table-definition';
import { domainTable, keyedTable } from './devlake-columns';

export const BOARDS = domainTable('boards', {
  columns: [
    column('name', 'varchar(255)'),
    column('description', 'longtext'),
    column('url', 'varchar(255)'),
    column('created_date', 'datetime(3)'),
    column('type', 'varchar(255)'),
  ],
});

export const ISSUES = domainTable('issues', {
  columns: [
    column('url', 'varchar(255)'),
    column('icon_url', 'varchar(255)'),
    column('issue_key', 'varchar(255)'),
    column('title', 'longtext'),
    column('description', 'longtext'),
    column('epic_key', 'varchar(255)'),
    column('type', 'varchar(100)'),
    column('original_type', 'varchar(500)'),
    column('status', 'varchar(100)'),
    column('original_status', 'varchar(100)'),
    column('resolution_date', 'datetime(3)'),
    column('created_date', 'datetime(3)'),
    column('updated_date', 'datetime(3)'),
    column('lead_time_minutes', 'bigint'),
    column('parent_issue_id', 'varchar(255)'),
    column('priority', 'varchar(255)'),
    column('story_point', 'double'),
    column('original_estimate_minutes', 'bigint'),
    column('time_spent_minutes', 'bigint'),
    column('time_remaining_minutes', 'bigint'),
    column('creator_id', 'varchar(255)'),
    column('creator_name', 'varchar(255)'),
    column('assignee_id', 'varchar(255)'),
    column('assignee_name', 'varchar(255)'),
    column('severity', 'varchar(255)'),
    column('component', 'varchar(255)'),
    column('original_project', 'varchar(255)'),
    column('urgency', 'varchar(255)'),
    column('is_subtask', 'tinyint(1)'),
    column('due_date', 'datetime(3)'),
    column('fix_versions', 'text'),
  ],
});

export const BOARD_ISSUES = keyedTable(
  'board_issues',
  [column('board_id', 'varchar(255)'), column('issue_id', 'varchar(255)')],
  ['board_id', 'issue_id'],
);

export const ISSUE_ASSIGNEES = keyedTable(
  'issue_assignees',
  [column('issue_id', 'varchar(255)'), column('assignee_id', 'varchar(255)'), column('assignee_name', 'varchar(255)')],
  ['issue_id', 'assignee_id'],
);

export const INCIDENTS = domainTable('incidents', {
  columns: [
    column('url', 'varchar(255)'),
    column('incident_key', 'varchar(255)'),
    column('title', 'longtext'),
    column('description', 'longtext'),
    column('status', 'varchar(100)'),
    column('original_status', 'varchar(100)'),
    column('resolution_date', 'datetime(3)'),
    column('created_date', 'datetime(3)'),
    column('updated_date', 'datetime(3)'),
    column('lead_time_minutes', 'bigint unsigned'),
    column('original_estimate_minutes', 'bigint'),
    column('time_spent_minutes', 'bigint'),
    column('time_remaining_minutes', 'bigint'),
    column('creator_id', 'varchar(255)'),
    column('creator_name', 'varchar(255)'),
    column('parent_incident_id', 'varchar(255)'),
    column('priority', 'varchar(255)'),
    column('severity', 'varchar(255)'),
    column('urgency', 'varchar(255)'),
    column('component', 'varchar(255)'),
    column('original_project', 'varchar(255)'),
    column('table', 'varchar(255)'),
    column('scope_id', 'varchar(255)'),
    column('assignee_id', 'varchar(255)'),
    column('assignee_name', 'varchar(255)'),
  ],
  indexes: [{ name: 'idx_table_scope_id', columns: ['table', 'scope_id'] }],
});

export const INCIDENT_ASSIGNEES = keyedTable(
  'incident_assignees',
  [
    column('incident_id', 'varchar(255)'),
    column('assignee_id', 'varchar(255)'),
    column('assignee_name', 'varchar(255)'),
  ],
  ['incident_id', 'assignee_id'],
);
