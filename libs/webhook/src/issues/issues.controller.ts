import { Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiIngestionBody } from '../openapi/api-docs.decorators';
import { PAYLOAD_EXAMPLES } from '../openapi/payload-examples';
import { CloseIssueByPathDto, CloseIssueDto } from './dto/close-issue.dto';
import { IssueDto } from './dto/issue.dto';

import { BatchItemResult, JsonObject } from '../common/body';
import { IngestionEndpoint } from '../ingestion/ingestion-endpoint.decorator';
import { RequestTarget, Target } from '../ingestion/ingestion-target';
import { INGESTION_RESOURCES, ingestionPaths } from '../ingestion/ingestion-routes';
import { BatchItemsBody, JsonObjectBody } from '../http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { IssuesService } from './issues.service';

/** `…/issues`, `…/issues/batch` and the two close routes, in every connection form (spec api.md §2.2). */
@WebhookController()
@ApiTags('issues')
export class IssuesController {
  constructor(private readonly issues: IssuesService) {}

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.issues))
  @ApiIngestionBody([IssueDto], PAYLOAD_EXAMPLES.issues)
  async upsert(@Target() target: RequestTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.upsert(target, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.issuesBatch))
  @ApiIngestionBody([IssueDto], PAYLOAD_EXAMPLES.issues, { batch: true })
  async upsertBatch(@Target() target: RequestTarget, @BatchItemsBody() items: BatchItemResult[], @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.upsertBatch(target, items, isTrueFlag(dryRun)));
  }

  // Registered before the path form, so `connections/by-name/issue/issue/close` is the connection named "issue".
  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.closeByBody))
  @ApiIngestionBody([CloseIssueDto], { seed: { summary: 'Close by key', value: { issue_key: 'INC-17', resolution_date: '2024-06-01T11:45:00Z' } } })
  async closeByBody(@Target() target: RequestTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.close(target, undefined, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths(INGESTION_RESOURCES.closeByPath))
  @ApiIngestionBody([CloseIssueByPathDto], PAYLOAD_EXAMPLES.close)
  async closeByPath(
    @Target() target: RequestTarget,
    @Param('issueKey') issueKey: string,
    @JsonObjectBody() body: JsonObject,
    @Query('dryRun') dryRun?: string,
  ) {
    return successEnvelope(await this.issues.close(target, issueKey, body, isTrueFlag(dryRun)));
  }
}
