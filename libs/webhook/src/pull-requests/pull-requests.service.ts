import { withDerivedChange } from '@app/dora';
import { Injectable } from '@nestjs/common';
import { BatchItemResult, JsonObject } from '../common/body';
import { RequestTarget } from '../ingestion/ingestion-target';
import { IngestionHandler, IngestionRunner, WriteContext } from '../ingestion/ingestion-runner';
import { writeEachInTurn } from '../ingestion/write-each-in-turn';
import { planPullRequest, PullRequestPlan } from './pull-request-plan';
import { PullRequestsRepository } from './pull-requests.repository';

/** `data` of `POST …/pull_requests` (spec api.md §5.1). */
export interface PullRequestData {
  connectionId: number;
  pullRequestId: string;
  outcome: 'created' | 'updated';
  warnings: string[];
}

/** Pull requests (spec api.md §11): one upsert of `pull_requests`, no other table. */
@Injectable()
export class PullRequestsService {
  private readonly handler: IngestionHandler<PullRequestPlan, PullRequestData> = {
    plan: planPullRequest,
    write: (context, plan) => this.write(context, plan),
    writeMany: writeEachInTurn((context: WriteContext, plan: PullRequestPlan) => this.write(context, plan)),
  };

  constructor(
    private readonly runner: IngestionRunner,
    private readonly pullRequests: PullRequestsRepository,
  ) {}

  upsert(target: RequestTarget, body: JsonObject, dryRun: boolean) {
    return this.runner.single(target, body, dryRun, this.handler);
  }

  upsertBatch(target: RequestTarget, items: BatchItemResult[], dryRun: boolean) {
    return this.runner.batch(target, items, dryRun, this.handler);
  }

  private async write({ manager, connection, now }: WriteContext, plan: PullRequestPlan): Promise<PullRequestData> {
    const { id } = plan.pullRequest;
    const existed = await this.pullRequests.exists(manager, id);
    await this.pullRequests.upsert(manager, plan.pullRequest, now);
    const data = { connectionId: connection.id, pullRequestId: id, outcome: existed ? ('updated' as const) : ('created' as const), warnings: plan.warnings };
    return withDerivedChange(data, { pullRequestIds: [id] });
  }
}
