import { ApiKeyEntity } from './api-key.entity';
import { BoardIssueEntity } from './board-issue.entity';
import { BoardEntity } from './board.entity';
import { CicdDeploymentCommitEntity } from './cicd-deployment-commit.entity';
import { CicdDeploymentEntity } from './cicd-deployment.entity';
import { CicdScopeEntity } from './cicd-scope.entity';
import { CommitsDiffEntity } from './commits-diff.entity';
import { DeploymentCommitShaEntity } from './deployment-commit-sha.entity';
import { IncidentAssigneeEntity } from './incident-assignee.entity';
import { IncidentEntity } from './incident.entity';
import { IssueAssigneeEntity } from './issue-assignee.entity';
import { IssueEntity } from './issue.entity';
import { ProjectIncidentDeploymentRelationshipEntity } from './project-incident-deployment-relationship.entity';
import { ProjectMappingEntity } from './project-mapping.entity';
import { ProjectPrMetricEntity } from './project-pr-metric.entity';
import { ProjectEntity } from './project.entity';
import { PullRequestEntity } from './pull-request.entity';
import { RepoEntity } from './repo.entity';
import { WebhookConnectionEntity } from './webhook-connection.entity';
import { WebhookRequestEntity } from './webhook-request.entity';

export {
  ApiKeyEntity,
  BoardEntity,
  BoardIssueEntity,
  CicdDeploymentCommitEntity,
  CicdDeploymentEntity,
  CicdScopeEntity,
  CommitsDiffEntity,
  DeploymentCommitShaEntity,
  IncidentAssigneeEntity,
  IncidentEntity,
  IssueAssigneeEntity,
  IssueEntity,
  ProjectEntity,
  ProjectIncidentDeploymentRelationshipEntity,
  ProjectMappingEntity,
  ProjectPrMetricEntity,
  PullRequestEntity,
  RepoEntity,
  WebhookConnectionEntity,
  WebhookRequestEntity,
};
export * from './common/column-transformers';
export * from './common/devlake-common-columns';

/** Every entity, one per table of spec schema.md §3. Explicit: globs break once bundled. */
export const DOMAIN_ENTITIES = [
  WebhookConnectionEntity,
  ApiKeyEntity,
  CicdDeploymentCommitEntity,
  CicdDeploymentEntity,
  CicdScopeEntity,
  IssueEntity,
  BoardEntity,
  BoardIssueEntity,
  IncidentEntity,
  IncidentAssigneeEntity,
  IssueAssigneeEntity,
  PullRequestEntity,
  RepoEntity,
  ProjectEntity,
  ProjectMappingEntity,
  ProjectIncidentDeploymentRelationshipEntity,
  ProjectPrMetricEntity,
  WebhookRequestEntity,
  DeploymentCommitShaEntity,
  CommitsDiffEntity,
];
