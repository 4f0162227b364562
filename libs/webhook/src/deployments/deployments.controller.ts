import { Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiIngestionBody } from '../openapi/api-docs.decorators';
import { PAYLOAD_EXAMPLES } from '../openapi/payload-examples';
import { DeploymentV1xDto, SeedDeploymentDto, SeedMultiDeploymentDto } from './dto/deployment.dto';

import { BatchItemResult, JsonObject } from '../common/body';
import { BatchItemsBody, JsonObjectBody } from '../http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { IngestionEndpoint } from '../ingestion/ingestion-endpoint.decorator';
import { RequestTarget, Target } from '../ingestion/ingestion-target';
import { INGESTION_RESOURCES, ingestionPaths } from '../ingestion/ingestion-routes';
import { DeploymentsService } from './deployments.service';

const DEPLOYMENT_FORMS = [SeedDeploymentDto, SeedMultiDeploymentDto, DeploymentV1xDto];

/** `…/deployments` and `…/deployments/batch` in forms A–D (spec api.md §2.2, §8, §12, §13). */
@WebhookController()
@ApiTags('deployments')
export class DeploymentsController {
  constructor(private readonly deployments: DeploymentsService) {}

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.deployments))
  @ApiIngestionBody(DEPLOYMENT_FORMS, PAYLOAD_EXAMPLES.deployments)
  async ingest(@Target() target: RequestTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.deployments.ingest(target, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.deploymentsBatch))
  @ApiIngestionBody(DEPLOYMENT_FORMS, PAYLOAD_EXAMPLES.deployments, { batch: true })
  async ingestBatch(@Target() target: RequestTarget, @BatchItemsBody() items: BatchItemResult[], @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.deployments.ingestBatch(target, items, isTrueFlag(dryRun)));
  }
}
