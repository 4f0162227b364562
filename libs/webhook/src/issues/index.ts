import { IngestionRunner } from '../ingestion/ingestion-runner';
import { PullRequestsController, PullRequestsRepository, PullRequestsService } from '../pull-requests';
import { IssuesController } from './issues.controller';
import { IssuesRepository } from './issues.repository';
import { IssuesService } from './issues.service';

/** Controllers and providers the WebhookModule registers for issues, close and pull requests. */
export const ISSUE_CONTROLLERS: (new (...args: never[]) => unknown)[] = [IssuesController, PullRequestsController];
export const ISSUE_PROVIDERS: (new (...args: never[]) => unknown)[] = [
  IngestionRunner,
  IssuesRepository,
  IssuesService,
  PullRequestsRepository,
  PullRequestsService,
];
