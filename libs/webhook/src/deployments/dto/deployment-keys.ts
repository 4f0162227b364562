import { elementFieldsOf, FieldSpec, mapFields } from '../../common/body';

/** Payload forms of spec api.md §8.1. */
export type DeploymentForm = 'v1x' | 'seedSingle' | 'seedMulti';

/** Which forms read a field, or report it as ignored (and why); types and checks are the DTO classes'. */
interface FormRules {
  usedIn: readonly DeploymentForm[];
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
  ignoredBecause: { seedMulti: 'deploymentCommits is present', v1x: 'the 1.x form reads deploymentCommits' },
};
const EVERYWHERE: FormRules = { usedIn: EVERY_FORM };

/** Commit level, `deploymentCommits[i]` (spec api.md §8.2, second table). */
const COMMIT_FIELDS: FieldSpec<FormRules>[] = [
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', flags: EVERYWHERE },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', flags: EVERYWHERE },
  { name: 'refName', seed: 'ref_name', camel: 'refName', flags: EVERYWHERE },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', flags: EVERYWHERE },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', flags: EVERYWHERE },
  { name: 'name', seed: 'name', flags: EVERYWHERE },
  { name: 'result', seed: 'result', flags: ONLY_1X },
  { name: 'status', seed: 'status', flags: ONLY_1X },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', flags: ONLY_1X },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', flags: ONLY_1X },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', flags: ONLY_1X },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', flags: ONLY_1X },
  { name: 'commitShas', seed: 'commit_shas', camel: 'commitShas', flags: EVERYWHERE },
];

/**
 * Deployment level (spec api.md §8.2, first table), in the table's order (the order of
 * missing-field causes). The spellings of each field; what each form requires and how it checks
 * values is the form's DTO class (dto/*.dto.ts).
 */
const DEPLOYMENT_FIELDS: FieldSpec<FormRules>[] = [
  { name: 'id', seed: 'id', flags: { usedIn: ['v1x'] } },
  { name: 'pipelineId', seed: 'pipeline_id', camel: 'pipelineId', flags: { usedIn: ['seedSingle', 'seedMulti'], ignoredBecause: { v1x: '"id" is the deployment id' } } },
  { name: 'startTime', seed: 'start_time', camel: 'startedDate', flags: EVERYWHERE },
  { name: 'endTime', seed: 'end_time', camel: 'finishedDate', flags: EVERYWHERE },
  { name: 'createTime', seed: 'create_time', camel: 'createdDate', flags: EVERYWHERE },
  { name: 'result', seed: 'result', flags: EVERYWHERE },
  { name: 'environment', seed: 'environment', flags: EVERYWHERE },
  { name: 'originalEnvironment', seed: 'original_environment', camel: 'originalEnvironment', flags: ONLY_1X },
  { name: 'name', seed: 'name', flags: EVERYWHERE },
  { name: 'displayTitle', seed: 'display_title', camel: 'displayTitle', flags: ONLY_1X },
  { name: 'repoUrl', seed: 'repo_url', camel: 'repoUrl', flags: TOP_LEVEL_COMMIT },
  { name: 'commitSha', seed: 'commit_sha', camel: 'commitSha', flags: TOP_LEVEL_COMMIT },
  { name: 'refName', seed: 'ref_name', camel: 'refName', flags: TOP_LEVEL_COMMIT },
  { name: 'commitShas', seed: 'commit_shas', camel: 'commitShas', flags: TOP_LEVEL_COMMIT },
  { name: 'commitMsg', seed: 'commit_msg', camel: 'commitMsg', flags: TOP_LEVEL_COMMIT },
  { name: 'repoId', seed: 'repo_id', camel: 'repoId', flags: EVERYWHERE },
  {
    name: 'deploymentCommits',
    seed: 'deploymentCommits',
    aliases: ['deployment_commits'],
    fields: COMMIT_FIELDS,
    flags: { usedIn: ['v1x', 'seedMulti'] },
  },
];

const FIELDS_BY_FORM = new Map<DeploymentForm, readonly FieldSpec<FormRules>[]>();

/** The key table as one form reads it: ignored keys marked at every depth. Bound to the form's DTO class. */
export function deploymentKeysFor(form: DeploymentForm): readonly FieldSpec<FormRules>[] {
  let fields = FIELDS_BY_FORM.get(form);
  if (!fields) FIELDS_BY_FORM.set(form, (fields = fieldsOfForm(form)));
  return fields;
}

function fieldsOfForm(form: DeploymentForm): FieldSpec<FormRules>[] {
  return mapFields(DEPLOYMENT_FIELDS, (spec) => {
    const rules = spec.flags as FormRules;
    return rules.usedIn.includes(form) ? spec : { ...spec, ignore: { reason: rules.ignoredBecause?.[form] ?? 'not used in this form' } };
  });
}

/** The commit-level key table of a form with a commit list. */
export function commitKeysFor(form: 'v1x' | 'seedMulti'): readonly FieldSpec<FormRules>[] {
  const list = deploymentKeysFor(form).find((spec) => spec.name === 'deploymentCommits');
  return (list && elementFieldsOf(list)) ?? [];
}
