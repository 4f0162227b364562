import { JsonObject } from '../common/body';
import { ConnectionKey, IngestionPlan } from '../ingestion/ingestion-runner';
import { deploymentRowIds } from './deployment-rows';
import { DeploymentCommitInput, DeploymentInput, readDeploymentInput } from './dto/deployment-input';

/** A validated deployment request; its rows are built at write time, when "now" is known. */
export interface DeploymentPlan extends IngestionPlan {
  input: DeploymentInput;
  /** Named locks its write needs (deploymentLockKeys). */
  lockKeys: string[];
}

/** Field behind each column a request value reaches, for a value too long for an older, narrower column. */
const FIELD_OF_COLUMN: Record<string, string> = {
  name: 'name',
  ref_name: 'refName',
  repo_id: 'repoId',
  repo_url: 'repoUrl',
  commit_sha: 'commitSha',
  original_environment: 'originalEnvironment',
  status: 'status',
  original_status: 'status',
};

/**
 * Decodes and validates a deployment body for connection `key` (spec api.md §8.1–§8.3): every
 * field cause at once, generated ids included (400); no database access.
 */
export function planDeployment(body: JsonObject, key: ConnectionKey): DeploymentPlan {
  const input = readDeploymentInput(body);
  const { deploymentId } = deploymentRowIds(input, key);
  const lockKeys = deploymentLockKeys(deploymentId, input.commits.map((commit) => commit.repoUrl));
  return { input, lockKeys, fieldOfColumn: (column) => fieldOfColumn(input, column) };
}

/**
 * What a deployment write locks: its id, whichever connection's it is (the 409 check and the
 * created/updated outcome read it), and each repository it writes commits of (every chain of a
 * row is in the repository its id names: only the environment can move it). The connection
 * number inside generated ids is left out, so the keys are known before a project connection is.
 */
export function deploymentLockKeys(deploymentId: string, repoUrls: readonly string[]): string[] {
  return [`deployment:${deploymentId.replace(/^webhook:(\d+|\?):/, 'webhook:*:')}`, ...repoUrls.map((url) => `repo:${url}`)];
}

function fieldOfColumn(input: DeploymentInput, column: string): string | undefined {
  if (column === 'id' || column === 'cicd_deployment_id') return input.locate(input.form === 'v1x' ? 'id' : 'pipelineId').path;
  const field = FIELD_OF_COLUMN[column];
  if (!field) return undefined;
  const commitLevel = input.form !== 'seedSingle' && field !== 'originalEnvironment';
  if (!commitLevel) return input.locate(field).path;
  // The deployment `name` of the multi forms is generated from every commit: blame the request field.
  if (field === 'name') return input.locate('name').path;
  const longest = [...input.commits].sort((a, b) => valueLength(b, field) - valueLength(a, field))[0];
  return longest.locate(field).path;
}

function valueLength(commit: DeploymentCommitInput, field: string): number {
  const value = commit[field as keyof DeploymentCommitInput];
  return typeof value === 'string' ? value.length : 0;
}
