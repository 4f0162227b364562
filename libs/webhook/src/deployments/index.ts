import { IngestionRunner } from '../ingestion/ingestion-runner';
import { CommitListsRepository } from './commit-lists.repository';
import { DeploymentWriter } from './deployment-writer';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentsService } from './deployments.service';

/** Controllers and providers the WebhookModule registers for this feature. */
export const DEPLOYMENT_CONTROLLERS: (new (...args: never[]) => unknown)[] = [DeploymentsController];
export const DEPLOYMENT_PROVIDERS: (new (...args: never[]) => unknown)[] = [
  // Also listed by the issues feature; one instance either way (same token).
  IngestionRunner,
  DeploymentsService,
  DeploymentWriter,
  DeploymentsRepository,
  CommitListsRepository,
];
