import { CicdDeploymentCommitEntity } from '@app/domain';
import { DeploymentInput } from './dto/deployment-input';
import { ChainRow, rowKey } from './prev-success-chain';

export interface WrittenRequest {
  input: DeploymentInput;
  commits: readonly CicdDeploymentCommitEntity[];
}

/**
 * Without `pipeline_id` a seed-form deployment is keyed by its commit row, so the same commit
 * deployed to STAGING and then to PRODUCTION leaves one deployment (the STAGING one overwritten,
 * as in DevLake). Per request, in write order, the warning that names the lost environment and
 * asks for `pipeline_id` (issue 12, item 14); `stored` are the rows as they were before the writes.
 */
export function replacedDeploymentWarnings(requests: readonly WrittenRequest[], stored: readonly ChainRow[]): string[][] {
  const environmentOf = new Map(stored.map((row) => [rowKey(row), row.environment]));
  return requests.map(({ input, commits }) => {
    const replaced = keyedByCommit(input)
      ? commits.find((commit) => {
          const before = environmentOf.get(rowKey(commit));
          return before !== undefined && before !== null && before !== commit.environment;
        })
      : undefined;
    const warnings = replaced ? [replacedWarning(input, replaced, environmentOf.get(rowKey(replaced)) as string)] : [];
    for (const commit of commits) environmentOf.set(rowKey(commit), commit.environment);
    return warnings;
  });
}

function keyedByCommit(input: DeploymentInput): boolean {
  return input.form !== 'v1x' && input.pipelineId === undefined;
}

function replacedWarning(input: DeploymentInput, commit: CicdDeploymentCommitEntity, environment: string): string {
  return (
    `${input.locate('pipelineId').path}: missing, so this deployment replaced the ${environment} deployment of the same commit ` +
    `(${JSON.stringify(commit.id)}); send a pipeline_id per deployment to keep each one`
  );
}
