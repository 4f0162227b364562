import { FieldSpec } from '../common/body';

/** Issue fields of spec api.md §9.1, in the table's order (the order of missing-field causes). */
export const ISSUE_FIELDS: FieldSpec[] = [
  { name: 'issueKey', seed: 'issue_key', camel: 'issueKey', type: 'string', required: true },
  { name: 'title', seed: 'title', type: 'string', required: true },
  { name: 'status', seed: 'status', type: 'enum', values: ['TODO', 'IN_PROGRESS', 'DONE'], required: true },
  { name: 'originalStatus', seed: 'original_status', camel: 'originalStatus', type: 'string', maxLength: 100 },
  { name: 'createdDate', seed: 'created_date', camel: 'createdDate', type: 'time', required: true },
  { name: 'url', seed: 'url', type: 'string', maxLength: 255 },
  { name: 'description', seed: 'description', type: 'string' },
  { name: 'epicKey', seed: 'epic_key', camel: 'epicKey', type: 'string', maxLength: 255 },
  { name: 'type', seed: 'type', type: 'string', maxLength: 100 },
  { name: 'storyPoint', seed: 'story_point', camel: 'storyPoint', type: 'number' },
  { name: 'resolutionDate', seed: 'resolution_date', camel: 'resolutionDate', type: 'time' },
  { name: 'updatedDate', seed: 'updated_date', camel: 'updatedDate', type: 'time' },
  { name: 'leadTimeMinutes', seed: 'lead_time_minutes', camel: 'leadTimeMinutes', type: 'integer', min: 0 },
  { name: 'parentIssueKey', seed: 'parent_issue_key', camel: 'parentIssueKey', type: 'string' },
  { name: 'priority', seed: 'priority', type: 'string', maxLength: 255 },
  { name: 'originalEstimateMinutes', seed: 'original_estimate_minutes', camel: 'originalEstimateMinutes', type: 'integer' },
  { name: 'timeSpentMinutes', seed: 'time_spent_minutes', camel: 'timeSpentMinutes', type: 'integer' },
  { name: 'timeRemainingMinutes', seed: 'time_remaining_minutes', camel: 'timeRemainingMinutes', type: 'integer' },
  { name: 'creatorId', seed: 'creator_id', camel: 'creatorId', type: 'string' },
  { name: 'creatorName', seed: 'creator_name', camel: 'creatorName', type: 'string', maxLength: 255 },
  { name: 'assigneeId', seed: 'assignee_id', camel: 'assigneeId', type: 'string' },
  { name: 'assigneeName', seed: 'assignee_name', camel: 'assigneeName', type: 'string', maxLength: 255 },
  { name: 'severity', seed: 'severity', type: 'string', maxLength: 255 },
  { name: 'component', seed: 'component', type: 'string', maxLength: 255 },
];

/** Types stored upper-case whatever their case; any other type text is stored as sent. */
export const STANDARD_ISSUE_TYPES = ['REQUIREMENT', 'BUG', 'INCIDENT', 'TASK', 'SUBTASK'];

const CLOSE_FIELDS: FieldSpec[] = [
  { name: 'resolutionDate', seed: 'resolution_date', camel: 'resolutionDate', type: 'time' },
  { name: 'originalStatus', seed: 'original_status', camel: 'originalStatus', type: 'string', maxLength: 100 },
];

const ISSUE_KEY: FieldSpec = { name: 'issueKey', seed: 'issue_key', camel: 'issueKey', type: 'string', required: true };

/** `…/issue/close`: the key in the body (spec api.md §10). */
export const CLOSE_BY_BODY_FIELDS: FieldSpec[] = [ISSUE_KEY, ...CLOSE_FIELDS];

/** `…/issue/:issueKey/close`: a key in the body is reported and ignored. */
export const CLOSE_BY_PATH_FIELDS: FieldSpec[] = [{ ...ISSUE_KEY, required: false, ignore: { reason: 'the path names the issue' } }, ...CLOSE_FIELDS];
