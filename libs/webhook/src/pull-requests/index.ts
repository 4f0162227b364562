/** Controllers and providers of pull requests; the WebhookModule registers them through issues/index.ts. */
export { PullRequestsController } from './pull-requests.controller';
export { PullRequestsRepository } from './pull-requests.repository';
export { PullRequestsService } from './pull-requests.service';
