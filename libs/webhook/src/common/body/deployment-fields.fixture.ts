/**
 * Test fixture: the deployment fields of spec api.md §8.2 expressed with this folder's API, to
 * check the field-level causes of §8.6 E7. The real endpoint definitions live with the endpoint.
 */
import { FieldSpec, mapFields } from './field-spec';
import { findKeyValue } from './key-lookup';
import { normalizeFields, NormalizeResult } from './normalize-fields';
import { JsonObject } from './parse-json-body';

export type DeploymentForm = 'v1x' | 'seedSingle' | 'seedMulti';

interface DeploymentFlags {
  /** Forms that read the field. */
  usedIn: readonly DeploymentForm[];
  requiredIn?: readonly DeploymentForm[];
  /** Reason of the `ignored key` warning in the forms that do not read it. */
  unusedBecause?: Partial<Record<DeploymentForm, string>>;
}

const ALL: DeploymentForm[] = ['v1x', 'seedSingle', 'seedMulti'];
const SEED_ONLY_1X = { seedSingle: 'used only when "id" is present', seedMulti: 'used only when "id" is present' };
const TOP_LEVEL_COMMIT = {
  usedIn: ['seedSingle'] as DeploymentForm[],
  unusedBecause: { seedMulti: 'deploymentCommits is present', v1x: 'the 1.x form reads deploymentCommits' },
};
const RESULTS = ['SUCCESS', 'FAILURE', 'ABORT', 'MANUAL'];
const ENVIRONMENTS = ['PRODUCTION', 'STAGING', 'TESTING', 'DEVELOPMENT'];

const COMMIT_FIELDS: FieldSpec<DeploymentFlags>[] = [
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', type: 'string', maxLength: 500, flags: { usedIn: ALL, requiredIn: ALL } },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', type: 'string', maxLength: 255, flags: { usedIn: ALL, requiredIn: ALL } },
  { name: 'refName', seed: 'ref_name', camel: 'refName', type: 'string', maxLength: 255, flags: { usedIn: ALL } },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', type: 'string', flags: { usedIn: ALL } },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', type: 'string', maxLength: 255, flags: { usedIn: ALL } },
  { name: 'name', seed: 'name', type: 'string', maxLength: 255, flags: { usedIn: ALL } },
  { name: 'result', seed: 'result', type: 'enum', values: RESULTS, flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'status', seed: 'status', type: 'string', maxLength: 100, flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', type: 'time', flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', type: 'time', flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', type: 'time', flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', type: 'string', flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
];

export const DEPLOYMENT_FIELDS: FieldSpec<DeploymentFlags>[] = [
  { name: 'id', seed: 'id', type: 'string', maxLength: 255, flags: { usedIn: ['v1x'], requiredIn: ['v1x'] } },
  {
    name: 'pipelineId',
    seed: 'pipeline_id',
    camel: 'pipelineId',
    type: 'string',
    maxLength: 255,
    flags: { usedIn: ['seedSingle', 'seedMulti'], unusedBecause: { v1x: '"id" is the deployment id' } },
  },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', type: 'time', flags: { usedIn: ALL, requiredIn: ALL } },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', type: 'time', flags: { usedIn: ALL } },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', type: 'time', flags: { usedIn: ALL } },
  { name: 'result', seed: 'result', type: 'enum', values: RESULTS, flags: { usedIn: ALL } },
  { name: 'environment', seed: 'environment', type: 'enum', values: ENVIRONMENTS, flags: { usedIn: ALL } },
  {
    name: 'originalEnvironment',
    seed: 'original_environment',
    camel: 'originalEnvironment',
    type: 'string',
    maxLength: 255,
    flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X },
  },
  { name: 'name', seed: 'name', type: 'string', maxLength: 255, flags: { usedIn: ALL } },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', type: 'string', flags: { usedIn: ['v1x'], unusedBecause: SEED_ONLY_1X } },
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', type: 'string', maxLength: 500, flags: { ...TOP_LEVEL_COMMIT, requiredIn: ['seedSingle'] } },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', type: 'string', maxLength: 255, flags: { ...TOP_LEVEL_COMMIT, requiredIn: ['seedSingle'] } },
  { name: 'refName', seed: 'ref_name', camel: 'refName', type: 'string', maxLength: 255, flags: TOP_LEVEL_COMMIT },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', type: 'string', flags: TOP_LEVEL_COMMIT },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', type: 'string', maxLength: 255, flags: { usedIn: ALL } },
  {
    name: 'deploymentCommits',
    seed: 'deploymentCommits',
    aliases: ['deployment_commits'],
    type: 'object-array',
    fields: COMMIT_FIELDS,
    minItems: 1,
    maxItems: 1000,
    itemNoun: 'commit',
    flags: { usedIn: ['v1x', 'seedMulti'], requiredIn: ['v1x', 'seedMulti'], unusedBecause: { seedSingle: 'deploymentCommits is null' } },
  },
];

export function deploymentFormOf(body: JsonObject): DeploymentForm {
  if (findKeyValue(body, ['id'])) {
    return 'v1x';
  }
  return findKeyValue(body, ['deploymentCommits', 'deployment_commits']) ? 'seedMulti' : 'seedSingle';
}

export function deploymentFieldsFor(form: DeploymentForm): FieldSpec<DeploymentFlags>[] {
  return mapFields(DEPLOYMENT_FIELDS, (spec) => {
    const flags = spec.flags as DeploymentFlags;
    if (!flags.usedIn.includes(form)) {
      return { ...spec, ignore: { reason: flags.unusedBecause?.[form] ?? 'not used' } };
    }
    return { ...spec, required: flags.requiredIn?.includes(form) ?? false };
  });
}

/** What the deployment endpoint would do first: pick the form, normalise with its fields. */
export function normalizeDeployment(body: JsonObject): NormalizeResult {
  const form = deploymentFormOf(body);
  return normalizeFields(body, deploymentFieldsFor(form), { camelCase: form === 'v1x' });
}
