import { Param, Query } from '@nestjs/common';
import { BatchItemResult, JsonObject } from '../common/body';
import { IngestionEndpoint, ingestionPaths, IngestionTarget } from '../common/ingestion/ingestion-endpoint.decorator';
import { BatchItemsBody, JsonObjectBody } from '../common/http/json-body.decorator';
import { isTrueFlag, successEnvelope } from '../common/http/success-envelope';
import { WebhookController } from '../common/http/webhook-controller.decorator';
import { IssuesService } from './issues.service';

/** `…/issues`, `…/issues/batch` and the two close routes, in every connection form (spec api.md §2.2). */
@WebhookController()
export class IssuesController {
  constructor(private readonly issues: IssuesService) {}

  @IngestionEndpoint(ingestionPaths('issues', { projectRoute: true }))
  async upsert(@Param() target: IngestionTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.upsert(target, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths('issues/batch', { projectRoute: true }))
  async upsertBatch(@Param() target: IngestionTarget, @BatchItemsBody() items: BatchItemResult[], @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.upsertBatch(target, items, isTrueFlag(dryRun)));
  }

  // Registered before the path form, so `connections/by-name/issue/issue/close` is the connection named "issue".
  @IngestionEndpoint(ingestionPaths('issue/close'))
  async closeByBody(@Param() target: IngestionTarget, @JsonObjectBody() body: JsonObject, @Query('dryRun') dryRun?: string) {
    return successEnvelope(await this.issues.close(target, undefined, body, isTrueFlag(dryRun)));
  }

  @IngestionEndpoint(ingestionPaths('issue/:issueKey/close'))
  async closeByPath(
    @Param() target: IngestionTarget,
    @Param('issueKey') issueKey: string,
    @JsonObjectBody() body: JsonObject,
    @Query('dryRun') dryRun?: string,
  ) {
    return successEnvelope(await this.issues.close(target, issueKey, body, isTrueFlag(dryRun)));
  }
}
