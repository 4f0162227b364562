import { FieldSpec } from '../common/body';

/**
 * Issue keys of spec api.md §9.1, in the table's order (the order of missing-field causes): the
 * spellings; types and checks are IssueDto's.
 */
export const ISSUE_FIELDS: FieldSpec[] = [
  { name: 'issueKey', seed: 'issue_key', camel: 'issueKey' },
  { name: 'title', seed: 'title' },
  { name: 'status', seed: 'status' },
  { name: 'originalStatus', seed: 'original_status', camel: 'originalStatus' },
  { name: 'createdDate', seed: 'created_date', camel: 'createdDate' },
  { name: 'url', seed: 'url' },
  { name: 'description', seed: 'description' },
  { name: 'epicKey', seed: 'epic_key', camel: 'epicKey' },
  { name: 'type', seed: 'type' },
  { name: 'storyPoint', seed: 'story_point', camel: 'storyPoint' },
  { name: 'resolutionDate', seed: 'resolution_date', camel: 'resolutionDate' },
  { name: 'updatedDate', seed: 'updated_date', camel: 'updatedDate' },
  { name: 'leadTimeMinutes', seed: 'lead_time_minutes', camel: 'leadTimeMinutes' },
  { name: 'parentIssueKey', seed: 'parent_issue_key', camel: 'parentIssueKey' },
  { name: 'priority', seed: 'priority' },
  { name: 'originalEstimateMinutes', seed: 'original_estimate_minutes', camel: 'originalEstimateMinutes' },
  { name: 'timeSpentMinutes', seed: 'time_spent_minutes', camel: 'timeSpentMinutes' },
  { name: 'timeRemainingMinutes', seed: 'time_remaining_minutes', camel: 'timeRemainingMinutes' },
  { name: 'creatorId', seed: 'creator_id', camel: 'creatorId' },
  { name: 'creatorName', seed: 'creator_name', camel: 'creatorName' },
  { name: 'assigneeId', seed: 'assignee_id', camel: 'assigneeId' },
  { name: 'assigneeName', seed: 'assignee_name', camel: 'assigneeName' },
  { name: 'severity', seed: 'severity' },
  { name: 'component', seed: 'component' },
];

export const ISSUE_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE'] as const;

/** Types stored upper-case whatever their case; any other type text is stored as sent. */
export const STANDARD_ISSUE_TYPES = ['REQUIREMENT', 'BUG', 'INCIDENT', 'TASK', 'SUBTASK'];

const CLOSE_FIELDS: FieldSpec[] = [
  { name: 'resolutionDate', seed: 'resolution_date', camel: 'resolutionDate' },
  { name: 'originalStatus', seed: 'original_status', camel: 'originalStatus' },
];

const ISSUE_KEY: FieldSpec = { name: 'issueKey', seed: 'issue_key', camel: 'issueKey' };

/** `…/issue/close`: the key in the body (spec api.md §10). */
export const CLOSE_BY_BODY_FIELDS: FieldSpec[] = [ISSUE_KEY, ...CLOSE_FIELDS];

/** `…/issue/:issueKey/close`: a key in the body is reported and ignored. */
export const CLOSE_BY_PATH_FIELDS: FieldSpec[] = [{ ...ISSUE_KEY, ignore: { reason: 'the path names the issue' } }, ...CLOSE_FIELDS];
