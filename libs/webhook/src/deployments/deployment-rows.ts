import { createHash } from 'crypto';
import { CicdDeploymentCommitEntity, CicdDeploymentEntity } from '@app/domain';
import { codePointLength, FieldCause } from '../common/body';
import { EMPTY_RAW_COLUMNS } from '../common/database';
import { ConnectionKey } from '../ingestion/ingestion-runner';
import { webhookScopeId } from '../connections/connections.repository';
import { DeploymentCommitInput, DeploymentInput, invalidInput } from './dto/deployment-input';
import { rowKey } from './prev-success-chain';

const MAX_ID_LENGTH = 255;
const DEFAULT_RESULT = 'SUCCESS';
const DEFAULT_ENVIRONMENT = 'PRODUCTION';
const DEFAULT_STATUS = 'DONE';

/** Everything one deployment request writes, before the `repos` lookup and the chain recomputation. */
export interface DeploymentRows {
  deploymentId: string;
  deployment: CicdDeploymentEntity;
  /**
   * Distinct rows (a commit sent twice is one row, the later element's values) in order of first
   * appearance. `repoId` is null where neither the commit nor the request gave one: the `repos`
   * lookup decides (spec api.md §8.2).
   */
  commits: CicdDeploymentCommitEntity[];
  /** Per commit row key (rowKey): the `commit_shas` of its last element, undefined when it sent none (issue 18). */
  commitShas: Map<string, string[] | undefined>;
  warnings: string[];
}

/** Repository urls repeat from request to request: their hashes are kept (bounded). */
const hashOfUrl = new Map<string, string>();

/** First 16 hex characters of MD5 over the UTF-8 bytes (spec README, conventions). */
export function md5Prefix16(value: string): string {
  let hash = hashOfUrl.get(value);
  if (hash === undefined) {
    hash = createHash('md5').update(value, 'utf8').digest('hex').slice(0, 16);
    if (hashOfUrl.size >= 10_000) hashOfUrl.clear();
    hashOfUrl.set(value, hash);
  }
  return hash;
}

/** The deployment id and commit row ids (spec api.md §8.3), or 400 when one would not fit its column. */
export function deploymentRowIds(input: DeploymentInput, connection: ConnectionKey): { deploymentId: string; commitIds: string[] } {
  const scopeId = webhookScopeId(connection);
  const commitIds = input.commits.map((commit) => commitRowId(input, scopeId, commit));
  checkIdLengths(input, scopeId, commitIds);
  const deploymentId = input.form === 'v1x' ? (input.id as string) : (input.pipelineId ?? commitIds[0]);
  return { deploymentId, commitIds };
}

/**
 * Builds the rows of spec api.md §8.3/§8.4 for a validated request. Each row is one object
 * literal: spreading into objects of this size is far slower in V8 (tens of µs a row).
 */
export function buildDeploymentRows(input: DeploymentInput, connection: ConnectionKey, now: Date): DeploymentRows {
  const scopeId = webhookScopeId(connection);
  const { deploymentId, commitIds } = deploymentRowIds(input, connection);
  const request = requestLevel(input, now);
  const commitRows = new Map<string, CicdDeploymentCommitEntity>();
  const commitShas = new Map<string, string[] | undefined>();
  input.commits.forEach((commit, index) => {
    const own = commitColumns(input, commit, request);
    const row: CicdDeploymentCommitEntity = {
      id: commitIds[index],
      createdAt: now,
      updatedAt: now,
      rawDataParams: EMPTY_RAW_COLUMNS.rawDataParams,
      rawDataTable: EMPTY_RAW_COLUMNS.rawDataTable,
      rawDataId: EMPTY_RAW_COLUMNS.rawDataId,
      rawDataRemark: EMPTY_RAW_COLUMNS.rawDataRemark,
      cicdScopeId: scopeId,
      cicdDeploymentId: deploymentId,
      name: own.name,
      result: own.result,
      originalResult: own.originalResult,
      status: own.status,
      originalStatus: own.originalStatus,
      environment: request.environment,
      originalEnvironment: request.originalEnvironment,
      createdDate: own.createdDate,
      queuedDate: null,
      queuedDurationSec: null,
      startedDate: own.startedDate,
      finishedDate: own.finishedDate,
      durationSec: request.durationSec,
      commitSha: commit.commitSha,
      refName: commit.refName ?? '',
      repoId: commit.repoId ?? input.repoId ?? null,
      repoUrl: commit.repoUrl,
      prevSuccessDeploymentCommitId: '',
      commitMsg: commit.commitMsg ?? '',
      subtaskName: '',
      displayTitle: own.displayTitle,
      url: '',
    };
    commitRows.set(rowKey(row), row);
    commitShas.set(rowKey(row), commit.commitShas);
  });

  const first = commitRows.get(rowKey({ id: commitIds[0], commitSha: input.commits[0].commitSha })) as CicdDeploymentCommitEntity;
  const isV1x = input.form === 'v1x';
  const deployment: CicdDeploymentEntity = {
    id: deploymentId,
    createdAt: now,
    updatedAt: now,
    rawDataParams: EMPTY_RAW_COLUMNS.rawDataParams,
    rawDataTable: EMPTY_RAW_COLUMNS.rawDataTable,
    rawDataId: EMPTY_RAW_COLUMNS.rawDataId,
    rawDataRemark: EMPTY_RAW_COLUMNS.rawDataRemark,
    cicdScopeId: scopeId,
    name: deploymentName(input, first, request.environment),
    result: request.result,
    originalResult: isV1x ? first.originalResult : request.originalResult,
    status: isV1x ? first.status : DEFAULT_STATUS,
    originalStatus: isV1x ? first.status : DEFAULT_STATUS,
    environment: request.environment,
    originalEnvironment: request.originalEnvironment,
    createdDate: request.createdDate,
    queuedDate: null,
    queuedDurationSec: null,
    startedDate: request.startedDate,
    finishedDate: request.finishedDate,
    durationSec: request.durationSec,
    subtaskName: '',
    displayTitle: isV1x ? (input.displayTitle ?? '') : '',
    url: '',
  };
  const endsBeforeStart = request.finishedDate.getTime() < request.startedDate.getTime();
  const warnings = endsBeforeStart ? [...input.warnings, 'duration_sec: end time is before start time'] : input.warnings;
  return { deploymentId, deployment, commits: [...commitRows.values()], commitShas, warnings };
}

interface RequestLevel {
  result: string;
  originalResult: string;
  environment: string;
  originalEnvironment: string;
  createdDate: Date;
  startedDate: Date;
  finishedDate: Date;
  durationSec: number;
}

function requestLevel(input: DeploymentInput, now: Date): RequestLevel {
  const startedDate = input.startTime;
  const finishedDate = input.endTime ?? now;
  const result = input.result ?? DEFAULT_RESULT;
  return {
    result,
    originalResult: input.resultAsSent ?? result,
    environment: input.environment ?? DEFAULT_ENVIRONMENT,
    originalEnvironment: input.form === 'v1x' ? (input.originalEnvironment ?? '') : (input.environmentAsSent ?? DEFAULT_ENVIRONMENT),
    createdDate: input.createTime ?? startedDate,
    startedDate,
    finishedDate,
    // Whole seconds truncated toward zero, from the request's times, as DevLake does (`|| 0`: no -0).
    durationSec: Math.trunc((finishedDate.getTime() - startedDate.getTime()) / 1000) || 0,
  };
}

/** Columns where the 1.x form reads the commit first and the seed form the request only. */
function commitColumns(input: DeploymentInput, commit: DeploymentCommitInput, request: RequestLevel) {
  if (input.form !== 'v1x') {
    return {
      name: (input.form === 'seedSingle' ? input.name : commit.name) ?? `deployment for ${commit.commitSha}`,
      result: request.result,
      originalResult: request.originalResult,
      status: DEFAULT_STATUS,
      originalStatus: DEFAULT_STATUS,
      createdDate: request.createdDate,
      startedDate: request.startedDate,
      finishedDate: request.finishedDate,
      displayTitle: '',
    };
  }
  const status = commit.status ?? DEFAULT_STATUS;
  return {
    name: commit.name ?? `deployment for ${commit.commitSha}`,
    // A commit without its own result inherits the request's (DevLake 1.x: always SUCCESS).
    result: commit.result ?? request.result,
    originalResult: commit.resultAsSent ?? request.originalResult,
    status,
    originalStatus: status,
    createdDate: commit.createTime ?? request.createdDate,
    startedDate: commit.startTime ?? request.startedDate,
    finishedDate: commit.endTime ?? request.finishedDate,
    displayTitle: commit.displayTitle ?? '',
  };
}

function deploymentName(input: DeploymentInput, first: CicdDeploymentCommitEntity, environment: string): string {
  const shas = input.commits.map((commit) => commit.commitSha).join(',');
  switch (input.form) {
    case 'seedSingle':
      return first.name as string;
    case 'seedMulti':
      return input.name ?? `deployment for ${shas}`;
    case 'v1x':
      return input.name ?? `deploy ${shas} to ${environment}`;
  }
}

function commitRowId(input: DeploymentInput, scopeId: string, commit: DeploymentCommitInput): string {
  return `${commitIdPrefix(input, scopeId, commit)}${commit.commitSha}`;
}

function commitIdPrefix(input: DeploymentInput, scopeId: string, commit: DeploymentCommitInput): string {
  const repoHash = md5Prefix16(commit.repoUrl);
  return input.form === 'v1x' ? `${scopeId}:${input.id}:${repoHash}:` : `${scopeId}:${repoHash}:`;
}

/**
 * A commit id too long for its column names the field that made it long: the 1.x `id` when it
 * leaves no room for any SHA, else the commit's SHA.
 */
function checkIdLengths(input: DeploymentInput, scopeId: string, commitIds: string[]): void {
  const causes: FieldCause[] = [];
  let blamedId = false;
  input.commits.forEach((commit, index) => {
    if (codePointLength(commitIds[index]) <= MAX_ID_LENGTH) return;
    const prefixLength = codePointLength(commitIdPrefix(input, scopeId, commit));
    if (input.form === 'v1x' && prefixLength >= MAX_ID_LENGTH) {
      if (!blamedId) causes.push({ ...input.locate('id'), problem: 'the resulting id would exceed 255 characters' });
      blamedId = true;
      return;
    }
    causes.push({ ...commit.locate('commitSha'), problem: 'the resulting id would exceed 255 characters' });
  });
  if (causes.length > 0) throw invalidInput(causes);
}
