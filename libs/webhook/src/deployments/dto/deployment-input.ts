import { CauseSite, FieldCause, JsonObject, normalizeFields, NormalizedRecord, renderCauses } from '../../common/body';
import { WebhookErrorCode, WebhookException } from '../../common/errors';
import { DeploymentCommitV1xDto } from './deployment-commit.dto';
import { AnyDeploymentDto, DeploymentV1xDto, SeedDeploymentDto, SeedMultiDeploymentDto } from './deployment.dto';
import { DEPLOYMENT_DTO_OF_FORM, DeploymentForm, deploymentFieldsFor, deploymentFormOf } from './deployment-fields';

/** One commit of a deployment request, whichever key style or form described it. */
export interface DeploymentCommitInput {
  repoUrl: string;
  commitSha: string;
  refName?: string;
  commitMsg?: string;
  repoId?: string;
  name?: string;
  /** 1.x only: upper-cased, and as the client spelled it. */
  result?: string;
  resultAsSent?: string;
  status?: string;
  startTime?: Date;
  endTime?: Date;
  createTime?: Date;
  displayTitle?: string;
  /** The commits this row ships since the previous deployment, as sent (issue 18); undefined when no list was sent. */
  commitShas?: string[];
  /** Where a cause about one of this commit's fields goes (a single-mode commit is the body itself). */
  locate(field: string): CauseSite;
}

/** A validated deployment request (spec api.md §8.2): the DTO the row builder reads. */
export interface DeploymentInput {
  form: DeploymentForm;
  id?: string;
  pipelineId?: string;
  startTime: Date;
  endTime?: Date;
  createTime?: Date;
  result?: string;
  resultAsSent?: string;
  environment?: string;
  environmentAsSent?: string;
  originalEnvironment?: string;
  name?: string;
  displayTitle?: string;
  repoId?: string;
  /** In request order; at least one. */
  commits: DeploymentCommitInput[];
  /** `unknown key` / `ignored key` warnings, in request order. */
  warnings: string[];
  /** Where a cause about a deployment-level field goes. */
  locate(field: string): CauseSite;
}

/** Throws 400 `input json error` with the given causes, rendered in the spec's order (api.md §5.2). */
export function invalidInput(causes: readonly FieldCause[]): WebhookException {
  return new WebhookException(WebhookErrorCode.VALIDATION_FAILED, { causes: renderCauses(causes) });
}

/**
 * Decodes and validates a deployment body in the form it selects (spec api.md §4, §8.1, §8.2)
 * through that form's DTO class, or throws 400 with every field-level cause at once.
 */
export function readDeploymentInput(body: JsonObject): DeploymentInput {
  const form = deploymentFormOf(body);
  const normalized = normalizeFields<unknown, AnyDeploymentDto>(body, deploymentFieldsFor(form), {
    camelCase: form === 'v1x',
    dto: DEPLOYMENT_DTO_OF_FORM[form],
  });
  if (normalized.fieldCauses.length > 0) throw invalidInput(normalized.fieldCauses);
  const dto = normalized.dto;
  const v1x = form === 'v1x' ? (dto as DeploymentV1xDto) : undefined;
  const seed = form === 'v1x' ? undefined : (dto as SeedDeploymentDto | SeedMultiDeploymentDto);
  const id = withoutPadding('id', v1x?.id);
  const pipelineId = withoutPadding('pipeline_id', seed?.pipelineId);
  return {
    form,
    id: id.value,
    pipelineId: pipelineId.value,
    startTime: dto.startTime,
    endTime: dto.endTime,
    createTime: dto.createTime,
    result: dto.result,
    resultAsSent: sentText(normalized, 'result'),
    environment: dto.environment,
    environmentAsSent: sentText(normalized, 'environment'),
    originalEnvironment: v1x?.originalEnvironment,
    name: dto.name,
    displayTitle: v1x?.displayTitle,
    repoId: dto.repoId,
    commits: form === 'seedSingle' ? [singleModeCommit(dto as SeedDeploymentDto, normalized)] : listedCommits(dto as SeedMultiDeploymentDto, normalized),
    warnings: [...normalized.warnings, ...id.warnings, ...pipelineId.warnings],
    locate: (field) => normalized.locate(field),
  };
}

/**
 * A deployment id without its trailing spaces: MySQL's PAD SPACE collation takes `"d1 "` and
 * `"d1"` for one key, so both drivers write them as one row, and the client is told.
 */
function withoutPadding(field: string, id: string | undefined): { value: string | undefined; warnings: string[] } {
  const trimmed = id?.replace(/ +$/, '');
  if (id === undefined || trimmed === id || trimmed === '') return { value: id, warnings: [] };
  return { value: trimmed, warnings: [`${field}: trailing spaces ignored, written as ${JSON.stringify(trimmed)} (MySQL compares ids without them)`] };
}

/** In single mode the "commit" is the body: its name and repo_id are the request's, read there. */
function singleModeCommit(dto: SeedDeploymentDto, record: NormalizedRecord): DeploymentCommitInput {
  const locate = (field: string) => record.locate(field);
  return { repoUrl: dto.repoUrl, commitSha: dto.commitSha, refName: dto.refName, commitMsg: dto.commitMsg, repoId: undefined, commitShas: dto.commitShas, locate };
}

function listedCommits(dto: SeedMultiDeploymentDto | DeploymentV1xDto, normalized: NormalizedRecord): DeploymentCommitInput[] {
  const records = normalized.values.deploymentCommits as NormalizedRecord[];
  return dto.deploymentCommits.map((commit: Partial<DeploymentCommitV1xDto>, index) => {
    const record = records[index];
    // One literal: spreading and then adding keys is slow in V8.
    return {
      repoUrl: commit.repoUrl as string,
      commitSha: commit.commitSha as string,
      refName: commit.refName,
      commitMsg: commit.commitMsg,
      repoId: commit.repoId,
      locate: (field: string) => record.locate(field),
      name: commit.name,
      result: commit.result,
      resultAsSent: sentText(record, 'result'),
      status: commit.status,
      startTime: commit.startTime,
      endTime: commit.endTime,
      createTime: commit.createTime,
      displayTitle: commit.displayTitle,
      commitShas: commit.commitShas,
    };
  });
}

/** An enumeration as the client spelled it, for the `original_*` columns. */
function sentText(record: NormalizedRecord, name: string): string | undefined {
  const value = record.sent[name];
  return typeof value === 'string' && record.values[name] !== undefined ? value : undefined;
}
