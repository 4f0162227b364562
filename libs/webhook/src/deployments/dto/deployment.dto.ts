import { EnumField, ObjectListField, TextField, TextListField, TimeField, WebhookBody } from '../../common/validation';
import { COMMIT_SHA_LIST, DeploymentCommitDto, DeploymentCommitV1xDto } from './deployment-commit.dto';
import { DEPLOYMENT_ENVIRONMENTS, DEPLOYMENT_RESULTS, deploymentKeysFor } from './deployment-keys';

const COMMIT_LIST = { required: true, minItems: 1, maxItems: 1000, itemNoun: 'commit' };

/** Fields every deployment form reads (spec api.md §8.2, first table). */
abstract class DeploymentDto {
  @TimeField({ required: true })
  startTime: Date;

  @TimeField()
  endTime?: Date;

  @TimeField()
  createTime?: Date;

  @EnumField(DEPLOYMENT_RESULTS)
  result?: string;

  @EnumField(DEPLOYMENT_ENVIRONMENTS)
  environment?: string;

  @TextField({ maxLength: 255 })
  repoId?: string;
}

/** Seed form, single mode: the body is the one commit (spec api.md §8.1). */
@WebhookBody(deploymentKeysFor('seedSingle'))
export class SeedDeploymentDto extends DeploymentDto {
  @TextField({ maxLength: 255 })
  pipelineId?: string;

  // Also the commit row's varchar(255) name in this mode.
  @TextField({ maxLength: 255 })
  name?: string;

  @TextField({ required: true, maxLength: 500 })
  repoUrl: string;

  @TextField({ required: true, maxLength: 255 })
  commitSha: string;

  @TextField({ maxLength: 255 })
  refName?: string;

  @TextField()
  commitMsg?: string;

  @TextListField(COMMIT_SHA_LIST)
  commitShas?: string[];
}

/** Seed form, multi mode: a `deploymentCommits` list. */
@WebhookBody(deploymentKeysFor('seedMulti'))
export class SeedMultiDeploymentDto extends DeploymentDto {
  @TextField({ maxLength: 255 })
  pipelineId?: string;

  @TextField()
  name?: string;

  @ObjectListField(() => DeploymentCommitDto, COMMIT_LIST)
  deploymentCommits: DeploymentCommitDto[];
}

/** DevLake 1.x form: selected by a top-level `id`. */
@WebhookBody(deploymentKeysFor('v1x'))
export class DeploymentV1xDto extends DeploymentDto {
  @TextField({ required: true, maxLength: 255 })
  id: string;

  @TextField({ maxLength: 255 })
  originalEnvironment?: string;

  @TextField()
  name?: string;

  @TextField()
  displayTitle?: string;

  @ObjectListField(() => DeploymentCommitV1xDto, COMMIT_LIST)
  deploymentCommits: DeploymentCommitV1xDto[];
}

export type AnyDeploymentDto = SeedDeploymentDto | SeedMultiDeploymentDto | DeploymentV1xDto;
