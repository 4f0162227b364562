import { PullRequestEntity } from '@app/domain';
import { FieldSpec, JsonObject, normalizeFields } from '../common/body';
import { RowValues } from '../common/database/upsert-rows';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ConnectionKey, IngestionPlan } from '../common/ingestion/ingestion-runner';
import { webhookScopeId } from '../connections/connections.repository';

/** Pull-request fields of spec api.md §11, in the table's order; `base_repo_id` names the connection. */
function pullRequestFields(key: ConnectionKey): FieldSpec[] {
  const text = (name: string, seed: string, camel?: string, maxLength?: number): FieldSpec => ({ name, seed, camel, type: 'string', maxLength });
  const time = (name: string, seed: string, camel: string): FieldSpec => ({ name, seed, camel, type: 'time' });
  return [
    { name: 'pullRequestKey', seed: 'pull_request_key', camel: 'pullRequestKey', type: 'integer', required: true, min: 1 },
    { name: 'title', seed: 'display_title', camel: 'displayTitle', aliases: ['title'], type: 'string', required: true },
    { name: 'createdDate', seed: 'created_date', camel: 'createdDate', type: 'time', required: true },
    // DevLake clients always send it; DevLake required it and never used it.
    { name: 'id', seed: 'id', type: 'string', ignore: { silent: true } },
    { name: 'status', seed: 'status', type: 'enum', values: ['OPEN', 'CLOSED', 'MERGED'] },
    text('originalStatus', 'original_status', 'originalStatus', 100),
    { name: 'baseRepoId', seed: 'base_repo_id', camel: 'baseRepoId', type: 'string', ignore: { reason: `base_repo_id is always ${webhookScopeId(key)}` } },
    text('headRepoId', 'head_repo_id', 'headRepoId', 191),
    text('baseRef', 'base_ref', 'baseRef', 255),
    text('headRef', 'head_ref', 'headRef', 255),
    text('baseCommitSha', 'base_commit_sha', 'baseCommitSha', 40),
    text('headCommitSha', 'head_commit_sha', 'headCommitSha', 40),
    text('mergeCommitSha', 'merge_commit_sha', 'mergeCommitSha', 40),
    text('description', 'description'),
    text('url', 'url', undefined, 255),
    text('authorName', 'author_name', 'authorName', 100),
    text('authorId', 'author_id', 'authorId', 100),
    text('mergedByName', 'merged_by_name', 'mergedByName', 100),
    text('mergedById', 'merged_by_id', 'mergedById', 100),
    text('parentPrId', 'parent_pr_id', 'parentPrId', 100),
    text('type', 'type', undefined, 100),
    text('component', 'component', undefined, 100),
    time('mergedDate', 'merged_date', 'mergedDate'),
    time('closedDate', 'closed_date', 'closedDate'),
    { name: 'additions', seed: 'additions', type: 'integer' },
    { name: 'deletions', seed: 'deletions', type: 'integer' },
    { name: 'isDraft', seed: 'is_draft', camel: 'isDraft', type: 'boolean' },
  ];
}

/** Columns whose field is not their seed spelling. */
const FIELD_OF_COLUMN: Record<string, string> = { id: 'pullRequestKey', title: 'title' };

export interface PullRequestPlan extends IngestionPlan {
  pullRequest: RowValues<PullRequestEntity>;
  warnings: string[];
}

/** Decodes a pull request for connection `<c>`: 400 with every cause, else its row (spec api.md §11). */
export function planPullRequest(body: JsonObject, key: ConnectionKey): PullRequestPlan {
  const fields = pullRequestFields(key);
  const input = normalizeFields(body, fields);
  if (input.causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: input.causes });
  const values = input.values;
  const text = (name: string) => (values[name] as string | undefined) ?? '';
  const time = (name: string) => (values[name] as Date | undefined) ?? null;
  const count = (name: string) => (values[name] as number | undefined) ?? 0;
  const pullRequestKey = values.pullRequestKey as number;
  const pullRequest: RowValues<PullRequestEntity> = {
    id: `${webhookScopeId(key)}:${pullRequestKey}`,
    baseRepoId: webhookScopeId(key),
    baseRef: text('baseRef'),
    baseCommitSha: text('baseCommitSha'),
    headRepoId: text('headRepoId'),
    headRef: text('headRef'),
    headCommitSha: text('headCommitSha'),
    mergeCommitSha: text('mergeCommitSha'),
    status: text('status'),
    originalStatus: text('originalStatus'),
    type: text('type'),
    component: text('component'),
    title: text('title'),
    description: text('description'),
    url: text('url'),
    authorName: text('authorName'),
    authorId: text('authorId'),
    parentPrId: text('parentPrId'),
    pullRequestKey,
    createdDate: time('createdDate'),
    mergedDate: time('mergedDate'),
    closedDate: time('closedDate'),
    additions: count('additions'),
    deletions: count('deletions'),
    mergedByName: text('mergedByName'),
    mergedById: text('mergedById'),
    isDraft: (values.isDraft as boolean | undefined) ?? false,
  };
  return {
    pullRequest,
    warnings: input.warnings,
    fieldOfColumn: (column) => {
      const name = FIELD_OF_COLUMN[column] ?? fields.find((field) => field.seed === column)?.name;
      return name ? input.locate(name).path : undefined;
    },
  };
}
