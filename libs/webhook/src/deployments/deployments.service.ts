import { Injectable } from '@nestjs/common';
import { CicdDeploymentCommitEntity, CicdDeploymentEntity } from '@app/domain';
import { BatchItemResult, JsonObject } from '../common/body';
import { IngestionTarget } from '../common/ingestion/ingestion-endpoint.decorator';
import { IngestionHandler, IngestionRunner, WriteContext } from '../common/ingestion/ingestion-runner';
import { DeploymentPlan, planDeployment } from './deployment-plan';
import { buildDeploymentRows } from './deployment-rows';
import { DeploymentWriter } from './deployment-writer';

/** `data` of `POST …/deployments` (spec api.md §5.1). */
export interface DeploymentData {
  connectionId: number;
  deploymentId: string;
  deploymentCommitIds: string[];
  outcome: 'created' | 'updated';
  warnings: string[];
}

/** Deployments (spec api.md §8): forms A–D, batch and dry run through the shared ingestion runner. */
@Injectable()
export class DeploymentsService {
  private readonly handler: IngestionHandler<DeploymentPlan, DeploymentData> = {
    plan: planDeployment,
    write: (context, plan) => this.write(context, plan),
  };

  constructor(
    private readonly runner: IngestionRunner,
    private readonly writer: DeploymentWriter,
  ) {}

  ingest(target: IngestionTarget, body: JsonObject, dryRun: boolean) {
    return this.runner.single(target, body, dryRun, this.handler);
  }

  ingestBatch(target: IngestionTarget, items: BatchItemResult[], dryRun: boolean) {
    return this.runner.batch(target, items, dryRun, this.handler);
  }

  private async write({ manager, connection, now, recorder }: WriteContext, { input }: DeploymentPlan): Promise<DeploymentData> {
    const rows = buildDeploymentRows(input, connection.id, now);
    const written = await this.writer.write(manager, input, rows, connection.id, now);
    recorder?.note(CicdDeploymentEntity, { id: rows.deploymentId });
    for (const { id, commitSha } of [...written.commits, ...written.relinked]) recorder?.note(CicdDeploymentCommitEntity, { id, commitSha });
    return {
      connectionId: connection.id,
      deploymentId: rows.deploymentId,
      deploymentCommitIds: written.commits.map((commit) => commit.id),
      outcome: written.outcome,
      warnings: rows.warnings,
    };
  }
}
