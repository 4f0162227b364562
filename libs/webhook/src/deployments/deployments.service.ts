import { Injectable } from '@nestjs/common';
import { ChangedCommitRow, withDerivedChange } from '@app/dora';
import { BatchItemResult, JsonObject } from '../common/body';
import { WebhookException } from '../common/errors';
import { RequestTarget } from '../ingestion/ingestion-target';
import { IngestionHandler, IngestionRunner, WriteContext } from '../ingestion/ingestion-runner';
import { DeploymentPlan, planDeployment } from './deployment-plan';
import { buildDeploymentRows } from './deployment-rows';
import { DeploymentWriter, WrittenDeployment } from './deployment-writer';

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
    locks: (plan) => plan.lockKeys,
    write: (context, plan) => this.write(context, plan),
    writeMany: (context, plans) => this.writeMany(context, plans),
  };

  constructor(
    private readonly runner: IngestionRunner,
    private readonly writer: DeploymentWriter,
  ) {}

  ingest(target: RequestTarget, body: JsonObject, dryRun: boolean) {
    return this.runner.single(target, body, dryRun, this.handler);
  }

  ingestBatch(target: RequestTarget, items: BatchItemResult[], dryRun: boolean) {
    return this.runner.batch(target, items, dryRun, this.handler);
  }

  private async write({ manager, connection, now }: WriteContext, { input }: DeploymentPlan): Promise<DeploymentData> {
    const rows = buildDeploymentRows(input, connection.id, now);
    const [written] = await this.writer.write(manager, connection.id, [{ input, rows }], now);
    if (written instanceof WebhookException) throw written;
    return toData(connection.id, rows.deploymentId, rows.warnings, written);
  }

  /** Batch items in one transaction; each gets its own "now", as when written one after the other. */
  private async writeMany({ manager, connection, now }: WriteContext, plans: DeploymentPlan[]): Promise<(DeploymentData | WebhookException)[]> {
    const writes = plans.map(({ input }) => ({ input, rows: buildDeploymentRows(input, connection.id, new Date()) }));
    const results = await this.writer.write(manager, connection.id, writes, now);
    return results.map((written, index) =>
      written instanceof WebhookException ? written : toData(connection.id, writes[index].rows.deploymentId, writes[index].rows.warnings, written),
    );
  }
}

function toData(connectionId: number, deploymentId: string, warnings: string[], written: WrittenDeployment): DeploymentData {
  const commitRows = written.relinked.map(({ id, commitSha }): ChangedCommitRow => ({ id, commitSha }));
  for (const row of written.commits) {
    const { id, commitSha, cicdScopeId, finishedDate } = row;
    const succeeded = row.result === 'SUCCESS' && row.environment === 'PRODUCTION' && cicdScopeId !== null && finishedDate !== null;
    if (succeeded) commitRows.push({ id, commitSha, productionFinish: { cicdScopeId, finishedDate } });
  }
  const previousFinishes = written.previousFinishes;
  return withDerivedChange({
    connectionId,
    deploymentId,
    deploymentCommitIds: written.commits.map((commit) => commit.id),
    outcome: written.outcome,
    warnings: [...warnings, ...written.warnings],
  }, { commitRows, previousFinishes });
}
