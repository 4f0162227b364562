import { CauseSite, FieldCause, JsonObject, normalizeFields, NormalizedRecord, renderCauses } from '../../common/body';
import { WebhookErrorCode, WebhookException } from '../../common/errors';
import { DeploymentForm, deploymentFieldsFor, deploymentFormOf } from './deployment-fields';

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
 * Decodes and validates a deployment body in the form it selects (spec api.md §4, §8.1, §8.2), or
 * throws 400 with every field-level cause at once.
 */
export function readDeploymentInput(body: JsonObject): DeploymentInput {
  const form = deploymentFormOf(body);
  const normalized = normalizeFields(body, deploymentFieldsFor(form), { camelCase: form === 'v1x' });
  if (normalized.fieldCauses.length > 0) throw invalidInput(normalized.fieldCauses);
  const commitRecords = form === 'seedSingle' ? [normalized] : (normalized.values.deploymentCommits as NormalizedRecord[]);
  return {
    form,
    id: text(normalized, 'id'),
    pipelineId: text(normalized, 'pipelineId'),
    startTime: time(normalized, 'startTime') as Date,
    endTime: time(normalized, 'endTime'),
    createTime: time(normalized, 'createTime'),
    result: text(normalized, 'result'),
    resultAsSent: sentText(normalized, 'result'),
    environment: text(normalized, 'environment'),
    environmentAsSent: sentText(normalized, 'environment'),
    originalEnvironment: text(normalized, 'originalEnvironment'),
    name: text(normalized, 'name'),
    displayTitle: text(normalized, 'displayTitle'),
    repoId: text(normalized, 'repoId'),
    commits: commitRecords.map((record) => readCommit(record, form)),
    warnings: normalized.warnings,
    locate: (field) => normalized.locate(field),
  };
}

function readCommit(record: NormalizedRecord, form: DeploymentForm): DeploymentCommitInput {
  const locate = (field: string) => record.locate(field);
  const repoUrl = text(record, 'repoUrl') as string;
  const commitSha = text(record, 'commitSha') as string;
  const refName = text(record, 'refName');
  const commitMsg = text(record, 'commitMsg');
  // In single mode the "commit" is the body: its name and repo_id are the request's, read there.
  if (form === 'seedSingle') return { repoUrl, commitSha, refName, commitMsg, repoId: undefined, locate };
  // One literal each: spreading and then adding keys is slow in V8.
  return {
    repoUrl,
    commitSha,
    refName,
    commitMsg,
    repoId: text(record, 'repoId'),
    locate,
    name: text(record, 'name'),
    result: text(record, 'result'),
    resultAsSent: sentText(record, 'result'),
    status: text(record, 'status'),
    startTime: time(record, 'startTime'),
    endTime: time(record, 'endTime'),
    createTime: time(record, 'createTime'),
    displayTitle: text(record, 'displayTitle'),
  };
}

function text(record: NormalizedRecord, name: string): string | undefined {
  const value = record.values[name];
  return typeof value === 'string' ? value : undefined;
}

function time(record: NormalizedRecord, name: string): Date | undefined {
  const value = record.values[name];
  return value instanceof Date ? value : undefined;
}

/** An enumeration as the client spelled it, for the `original_*` columns. */
function sentText(record: NormalizedRecord, name: string): string | undefined {
  const value = record.sent[name];
  return typeof value === 'string' && record.values[name] !== undefined ? value : undefined;
}
