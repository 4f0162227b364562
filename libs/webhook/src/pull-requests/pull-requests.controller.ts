import { Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiIngestionBody } from '../openapi/api-docs.decorators';
import { PAYLOAD_EXAMPLES } from '../openapi/payload-examples';
import { PullRequestDto } from './dto/pull-request.dto';

import { BatchItemResult, JsonObject } from '../common/body';
import { IngestionEndpoint } from '../ingestion/ingestion-endpoint.decorator';
import { RequestTarget, Target } from '../ingestion/ingestion-target';
import { INGESTION_RESOURCES, ingestionPaths } from '../ingestion/ingestion-routes';
import { BatchItemsBody, JsonObjectBody } from '../http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { PullRequestsService } from './pull-requests.service';

/** `…/pull_requests` and `…/pull_requests/batch`, in every connection form (spec api.md §2.2). */
@WebhookController()
@ApiTags('pull requests')
export class PullRequestsController {
  constructor(private readonly pullRequests: PullRequestsService) {}

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.pullRequests))
  @ApiIngestionBody([PullRequestDto], PAYLOAD_EXAMPLES.pullRequests)
  async upsert(@Target() target: RequestTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.pullRequests.upsert(target, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.pullRequestsBatch))
  @ApiIngestionBody([PullRequestDto], PAYLOAD_EXAMPLES.pullRequests, { batch: true })
  async upsertBatch(@Target() target: RequestTarget, @BatchItemsBody() items: BatchItemResult[], @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.pullRequests.upsertBatch(target, items, isTrueFlag(dryRun)));
  }
}
