import { EnumField, TextField, TextListField, TimeField, WebhookBody } from '../../common/validation';
import { commitKeysFor, DEPLOYMENT_RESULTS } from './deployment-keys';

/** The commits a deployment commit ships since the previous deployment (issue 18): each one read like `commit_sha`. */
export const COMMIT_SHA_LIST = { maxItems: 10000, itemNoun: 'commit SHA', maxLength: 255 };

/** One element of `deploymentCommits` in the seed form (spec api.md §8.2, second table). */
@WebhookBody(commitKeysFor('seedMulti'))
export class DeploymentCommitDto {
  @TextField({ required: true, maxLength: 500 })
  repoUrl: string;

  @TextField({ required: true, maxLength: 255 })
  commitSha: string;

  @TextField({ maxLength: 255 })
  refName?: string;

  @TextField()
  commitMsg?: string;

  @TextField({ maxLength: 255 })
  repoId?: string;

  @TextField({ maxLength: 255 })
  name?: string;

  @TextListField(COMMIT_SHA_LIST)
  commitShas?: string[];
}

/** One element of `deploymentCommits` in the 1.x form: a commit may carry its own result, status and times. */
@WebhookBody(commitKeysFor('v1x'))
export class DeploymentCommitV1xDto extends DeploymentCommitDto {
  @EnumField(DEPLOYMENT_RESULTS)
  result?: string;

  @TextField({ maxLength: 100 })
  status?: string;

  @TimeField()
  startTime?: Date;

  @TimeField()
  endTime?: Date;

  @TimeField()
  createTime?: Date;

  @TextField()
  displayTitle?: string;
}
