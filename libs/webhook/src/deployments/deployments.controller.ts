import { Param, Query } from '@nestjs/common';
import { BatchItemResult, JsonObject } from '../common/body';
import { BatchItemsBody, JsonObjectBody } from '../common/http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../common/http/success-envelope';
import { WebhookController } from '../common/http/webhook-controller.decorator';
import { IngestionEndpoint, ingestionPaths, IngestionTarget } from '../common/ingestion/ingestion-endpoint.decorator';
import { DeploymentsService } from './deployments.service';

/** `…/deployments` and `…/deployments/batch` in forms A–D (spec api.md §2.2, §8, §12, §13). */
@WebhookController()
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  @IngestionEndpoint(ingestionPaths('deployments', { projectRoute: true }))
  async ingest(@Param() target: IngestionTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.deployments.ingest(target, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths('deployments/batch', { projectRoute: true }))
  async ingestBatch(@Param() target: IngestionTarget, @BatchItemsBody() items: BatchItemResult[], @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.deployments.ingestBatch(target, items, isTrueFlag(dryRun)));
  }
}
