import { Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IngestionRoute } from '../auth/ingestion-route.decorator';
import { successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { IngestionTargetGuard } from '../ingestion/ingestion-endpoint.decorator';
import { RequestTarget, Target } from '../ingestion/ingestion-target';
import { INGESTION_RESOURCES, ingestionPaths } from '../ingestion/ingestion-routes';
import { API_KEY_SCHEME } from '../openapi/api-docs.decorators';
import { LastSuccessService } from './last-success.service';

/** `GET …/deployments/last-success`: a read in the connection key's scope (forms A, B, C). */
@WebhookController()
@ApiTags('deployments')
export class LastSuccessController {
  constructor(private readonly lastSuccess: LastSuccessService) {}

  @Get(ingestionPaths(INGESTION_RESOURCES.deploymentsLastSuccess))
  @IngestionRoute()
  @UseGuards(IngestionTargetGuard)
  @ApiBearerAuth(API_KEY_SCHEME)
  @ApiOperation({
    summary: 'Last successful deployment commit of a repository and environment',
    description: 'For `git rev-list <commitSha>..HEAD` in CI: `{commitSha, deploymentId, finishedDate}`, or 404 when there is none.',
  })
  @ApiQuery({ name: 'repo_url', required: true, description: 'Repository url exactly as sent in deployments (`repoUrl` also accepted)' })
  @ApiQuery({ name: 'environment', required: false, description: 'PRODUCTION (default), STAGING, TESTING or DEVELOPMENT; any case' })
  async get(@Target() target: RequestTarget, @Query() query: Record<string, unknown>) {
    return successEnvelope(await this.lastSuccess.lastSuccess(target, query));
  }
}
