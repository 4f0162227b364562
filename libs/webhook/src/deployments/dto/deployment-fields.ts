import { FieldSpec, findKeyValue, JsonObject, mapFields } from '../../common/body';

/** Payload forms of spec api.md §8.1. */
export type DeploymentForm = 'v1x' | 'seedSingle' | 'seedMulti';

/** Which forms read a field, require it, or report it as ignored (and why). */
interface FormRules {
  usedIn: readonly DeploymentForm[];
  requiredIn?: readonly DeploymentForm[];
  /** Per form: maximum length where it differs by form (the request `name`). */
  maxLengthIn?: Partial<Record<DeploymentForm, number>>;
  ignoredBecause?: Partial<Record<DeploymentForm, string>>;
}

export const DEPLOYMENT_RESULTS = ['SUCCESS', 'FAILURE', 'ABORT', 'MANUAL'] as const;
export const DEPLOYMENT_ENVIRONMENTS = ['PRODUCTION', 'STAGING', 'TESTING', 'DEVELOPMENT'] as const;

const EVERY_FORM: DeploymentForm[] = ['v1x', 'seedSingle', 'seedMulti'];
const ONLY_1X: FormRules = {
  usedIn: ['v1x'],
  ignoredBecause: { seedSingle: 'used only when "id" is present', seedMulti: 'used only when "id" is present' },
};
const TOP_LEVEL_COMMIT: FormRules = {
  usedIn: ['seedSingle'],
  requiredIn: ['seedSingle'],
  ignoredBecause: { seedMulti: 'deploymentCommits is present', v1x: 'the 1.x form reads deploymentCommits' },
};
const OPTIONAL_TOP_LEVEL_COMMIT: FormRules = { ...TOP_LEVEL_COMMIT, requiredIn: [] };
const EVERYWHERE: FormRules = { usedIn: EVERY_FORM };
const REQUIRED_EVERYWHERE: FormRules = { usedIn: EVERY_FORM, requiredIn: EVERY_FORM };

/** Commit level, `deploymentCommits[i]` (spec api.md §8.2, second table). */
const COMMIT_FIELDS: FieldSpec<FormRules>[] = [
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', type: 'string', maxLength: 500, flags: REQUIRED_EVERYWHERE },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', type: 'string', maxLength: 255, flags: REQUIRED_EVERYWHERE },
  { name: 'refName', seed: 'ref_name', camel: 'refName', type: 'string', maxLength: 255, flags: EVERYWHERE },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', type: 'string', flags: EVERYWHERE },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', type: 'string', maxLength: 255, flags: EVERYWHERE },
  { name: 'name', seed: 'name', type: 'string', maxLength: 255, flags: EVERYWHERE },
  { name: 'result', seed: 'result', type: 'enum', values: DEPLOYMENT_RESULTS, flags: ONLY_1X },
  { name: 'status', seed: 'status', type: 'string', maxLength: 100, flags: ONLY_1X },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', type: 'time', flags: ONLY_1X },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', type: 'time', flags: ONLY_1X },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', type: 'time', flags: ONLY_1X },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', type: 'string', flags: ONLY_1X },
];

/** Deployment level (spec api.md §8.2, first table), in the table's order (the order of missing-field causes). */
const DEPLOYMENT_FIELDS: FieldSpec<FormRules>[] = [
  { name: 'id', seed: 'id', type: 'string', maxLength: 255, flags: { usedIn: ['v1x'], requiredIn: ['v1x'] } },
  {
    name: 'pipelineId',
    seed: 'pipeline_id',
    camel: 'pipelineId',
    type: 'string',
    maxLength: 255,
    flags: { usedIn: ['seedSingle', 'seedMulti'], ignoredBecause: { v1x: '"id" is the deployment id' } },
  },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', type: 'time', flags: REQUIRED_EVERYWHERE },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', type: 'time', flags: EVERYWHERE },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', type: 'time', flags: EVERYWHERE },
  { name: 'result', seed: 'result', type: 'enum', values: DEPLOYMENT_RESULTS, flags: EVERYWHERE },
  { name: 'environment', seed: 'environment', type: 'enum', values: DEPLOYMENT_ENVIRONMENTS, flags: EVERYWHERE },
  { name: 'originalEnvironment', seed: 'original_environment', camel: 'originalEnvironment', type: 'string', maxLength: 255, flags: ONLY_1X },
  // The request name fills a varchar(255) commit column only in single mode; elsewhere it lands in longtext.
  { name: 'name', seed: 'name', type: 'string', flags: { usedIn: EVERY_FORM, maxLengthIn: { seedSingle: 255 } } },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', type: 'string', flags: ONLY_1X },
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', type: 'string', maxLength: 500, flags: TOP_LEVEL_COMMIT },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', type: 'string', maxLength: 255, flags: TOP_LEVEL_COMMIT },
  { name: 'refName', seed: 'ref_name', camel: 'refName', type: 'string', maxLength: 255, flags: OPTIONAL_TOP_LEVEL_COMMIT },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', type: 'string', flags: OPTIONAL_TOP_LEVEL_COMMIT },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', type: 'string', maxLength: 255, flags: EVERYWHERE },
  {
    name: 'deploymentCommits',
    seed: 'deploymentCommits',
    aliases: ['deployment_commits'],
    type: 'object-array',
    fields: COMMIT_FIELDS,
    minItems: 1,
    maxItems: 1000,
    itemNoun: 'commit',
    flags: { usedIn: ['v1x', 'seedMulti'], requiredIn: ['v1x', 'seedMulti'] },
  },
];

/** 1.x when a top-level `id` is present and not null; else seed, multi mode when it has a commit list. */
export function deploymentFormOf(body: JsonObject): DeploymentForm {
  if (findKeyValue(body, ['id'])) return 'v1x';
  return findKeyValue(body, ['deploymentCommits', 'deployment_commits']) ? 'seedMulti' : 'seedSingle';
}

const FIELDS_BY_FORM = new Map<DeploymentForm, readonly FieldSpec<FormRules>[]>();

/** The field list as one form reads it: required, ignored and length rules applied at every depth. */
export function deploymentFieldsFor(form: DeploymentForm): readonly FieldSpec<FormRules>[] {
  let fields = FIELDS_BY_FORM.get(form);
  if (!fields) FIELDS_BY_FORM.set(form, (fields = fieldsOfForm(form)));
  return fields;
}

function fieldsOfForm(form: DeploymentForm): FieldSpec<FormRules>[] {
  return mapFields(DEPLOYMENT_FIELDS, (spec) => {
    const rules = spec.flags as FormRules;
    if (!rules.usedIn.includes(form)) {
      return { ...spec, ignore: { reason: rules.ignoredBecause?.[form] ?? 'not used in this form' } };
    }
    const required = rules.requiredIn?.includes(form) ?? false;
    const maxLength = rules.maxLengthIn?.[form];
    return spec.type === 'string' && maxLength !== undefined ? { ...spec, required, maxLength } : { ...spec, required };
  });
}
