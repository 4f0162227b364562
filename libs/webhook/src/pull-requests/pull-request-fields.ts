import { FieldSpec } from '../common/body';

/** `base_repo_id` names the connection: the reason of its `ignored key` warning says which (`webhook:<c>`). */
export const BASE_REPO_ID_REASON = 'base_repo_id is always ';

/**
 * Pull-request keys of spec api.md §11, in the table's order: the spellings; types and checks are
 * PullRequestDto's.
 */
export const PULL_REQUEST_FIELDS: FieldSpec[] = [
  { name: 'pullRequestKey', seed: 'pull_request_key', camel: 'pullRequestKey' },
  { name: 'title', seed: 'display_title', camel: 'displayTitle', aliases: ['title'] },
  { name: 'createdDate', seed: 'created_date', camel: 'createdDate' },
  // DevLake clients always send it; DevLake required it and never used it.
  { name: 'id', seed: 'id', ignore: { silent: true } },
  { name: 'status', seed: 'status' },
  { name: 'originalStatus', seed: 'original_status', camel: 'originalStatus' },
  { name: 'baseRepoId', seed: 'base_repo_id', camel: 'baseRepoId', ignore: { reason: BASE_REPO_ID_REASON } },
  { name: 'headRepoId', seed: 'head_repo_id', camel: 'headRepoId' },
  { name: 'baseRef', seed: 'base_ref', camel: 'baseRef' },
  { name: 'headRef', seed: 'head_ref', camel: 'headRef' },
  { name: 'baseCommitSha', seed: 'base_commit_sha', camel: 'baseCommitSha' },
  { name: 'headCommitSha', seed: 'head_commit_sha', camel: 'headCommitSha' },
  { name: 'mergeCommitSha', seed: 'merge_commit_sha', camel: 'mergeCommitSha' },
  { name: 'description', seed: 'description' },
  { name: 'url', seed: 'url' },
  { name: 'authorName', seed: 'author_name', camel: 'authorName' },
  { name: 'authorId', seed: 'author_id', camel: 'authorId' },
  { name: 'mergedByName', seed: 'merged_by_name', camel: 'mergedByName' },
  { name: 'mergedById', seed: 'merged_by_id', camel: 'mergedById' },
  { name: 'parentPrId', seed: 'parent_pr_id', camel: 'parentPrId' },
  { name: 'type', seed: 'type' },
  { name: 'component', seed: 'component' },
  { name: 'mergedDate', seed: 'merged_date', camel: 'mergedDate' },
  { name: 'closedDate', seed: 'closed_date', camel: 'closedDate' },
  { name: 'additions', seed: 'additions' },
  { name: 'deletions', seed: 'deletions' },
  { name: 'isDraft', seed: 'is_draft', camel: 'isDraft' },
];

export const PULL_REQUEST_STATUSES = ['OPEN', 'CLOSED', 'MERGED'] as const;
