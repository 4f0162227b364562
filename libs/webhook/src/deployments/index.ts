import { IngestionRunner } from '../ingestion/ingestion-runner';
import { CommitListsRepository } from './commit-lists.repository';
import { DeploymentWriter } from './deployment-writer';
import { DeploymentsController } from './deployments.controller';
import { DeploymentsRepository } from './deployments.repository';
import { DeploymentsService } from './deployments.service';
import { LastSuccessController } from './last-success.controller';
import { LastSuccessRepository } from './last-success.repository';
import { LastSuccessService } from './last-success.service';

/** Controllers and providers the WebhookModule registers for this feature. */
export const DEPLOYMENT_CONTROLLERS: (new (...args: never[]) => unknown)[] = [DeploymentsController, LastSuccessController];
export const DEPLOYMENT_PROVIDERS: (new (...args: never[]) => unknown)[] = [
  // Also listed by the issues feature; one instance either way (same token).
  IngestionRunner,
  DeploymentsService,
  DeploymentWriter,
  DeploymentsRepository,
  CommitListsRepository,
  LastSuccessService,
  LastSuccessRepository,
];
