import { FieldSpec, findKeyValue, JsonObject } from '../../common/body';
import { DtoClass } from '../../common/validation';
import { DeploymentV1xDto, SeedDeploymentDto, SeedMultiDeploymentDto } from './deployment.dto';
import { DeploymentForm, deploymentKeysFor } from './deployment-keys';

export { DEPLOYMENT_ENVIRONMENTS, DEPLOYMENT_RESULTS } from './deployment-keys';
export type { DeploymentForm } from './deployment-keys';

/** The DTO class that validates each form (spec api.md §8.1). */
export const DEPLOYMENT_DTO_OF_FORM: Record<DeploymentForm, DtoClass> = {
  v1x: DeploymentV1xDto,
  seedSingle: SeedDeploymentDto,
  seedMulti: SeedMultiDeploymentDto,
};

/** 1.x when a top-level `id` is present and not null; else seed, multi mode when it has a commit list. */
export function deploymentFormOf(body: JsonObject): DeploymentForm {
  if (findKeyValue(body, ['id'])) return 'v1x';
  return findKeyValue(body, ['deploymentCommits', 'deployment_commits']) ? 'seedMulti' : 'seedSingle';
}

/** The key table as one form reads it, bound to the form's DTO class (DEPLOYMENT_DTO_OF_FORM). */
export function deploymentFieldsFor(form: DeploymentForm): readonly FieldSpec<unknown>[] {
  return deploymentKeysFor(form);
}
