import { PullRequestEntity } from '@app/domain';
import { FieldSpec, JsonObject, mapFields, normalizeFields } from '../common/body';
import { RowValues } from '../common/database/upsert-rows';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { ConnectionKey, IngestionPlan } from '../ingestion/ingestion-runner';
import { webhookScopeId } from '../connections/connections.repository';
import { PullRequestDto } from './dto/pull-request.dto';
import { BASE_REPO_ID_REASON, PULL_REQUEST_FIELDS } from './pull-request-fields';

/** The key table for connection `<c>`: the `base_repo_id` warning names `webhook:<c>` (cached per connection). */
const FIELDS_BY_CONNECTION = new Map<ConnectionKey, FieldSpec[]>();

function pullRequestFields(key: ConnectionKey): FieldSpec[] {
  let fields = FIELDS_BY_CONNECTION.get(key);
  if (!fields) {
    const reason = `${BASE_REPO_ID_REASON}${webhookScopeId(key)}`;
    fields = mapFields(PULL_REQUEST_FIELDS, (spec) => (spec.name === 'baseRepoId' ? { ...spec, ignore: { reason } } : spec));
    if (FIELDS_BY_CONNECTION.size >= 1000) FIELDS_BY_CONNECTION.clear();
    FIELDS_BY_CONNECTION.set(key, fields);
  }
  return fields;
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
  const input = normalizeFields<unknown, PullRequestDto>(body, fields, { dto: PullRequestDto });
  if (input.causes.length > 0) throw new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: input.causes });
  const dto = input.dto;
  const pullRequestKey = dto.pullRequestKey;
  const pullRequest: RowValues<PullRequestEntity> = {
    id: `${webhookScopeId(key)}:${pullRequestKey}`,
    baseRepoId: webhookScopeId(key),
    baseRef: dto.baseRef ?? '',
    baseCommitSha: dto.baseCommitSha ?? '',
    headRepoId: dto.headRepoId ?? '',
    headRef: dto.headRef ?? '',
    headCommitSha: dto.headCommitSha ?? '',
    mergeCommitSha: dto.mergeCommitSha ?? '',
    status: dto.status ?? '',
    originalStatus: dto.originalStatus ?? '',
    type: dto.type ?? '',
    component: dto.component ?? '',
    title: dto.title,
    description: dto.description ?? '',
    url: dto.url ?? '',
    authorName: dto.authorName ?? '',
    authorId: dto.authorId ?? '',
    parentPrId: dto.parentPrId ?? '',
    pullRequestKey,
    createdDate: dto.createdDate,
    mergedDate: dto.mergedDate ?? null,
    closedDate: dto.closedDate ?? null,
    additions: dto.additions ?? 0,
    deletions: dto.deletions ?? 0,
    mergedByName: dto.mergedByName ?? '',
    mergedById: dto.mergedById ?? '',
    isDraft: dto.isDraft ?? false,
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
