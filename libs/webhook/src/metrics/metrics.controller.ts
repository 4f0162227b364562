import { Get, Param, Query } from '@nestjs/common';
import { DoraMetricsService, IssueMetricsService, MetricScope, MetricScopeService } from '@app/dora';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import { successEnvelope } from '../http/success-envelope';
import { WebhookController } from '../http/webhook-controller.decorator';
import { ConnectionResolver } from '../connections/connection-resolver';
import { parseMetricsQuery } from './metrics-query';
import { toDoraResponse, toIssueMetricsResponse } from './metrics.response';

/**
 * DORA and issue metrics (spec api.md §2.1, metrics.md §1). Admin routes: no `@IngestionRoute()`,
 * so a webhook key gets 403. Checks run path (400), existence (404), then query (400).
 */
@WebhookController()
export class MetricsController {
  constructor(
    private readonly scopes: MetricScopeService,
    private readonly dora: DoraMetricsService,
    private readonly issues: IssueMetricsService,
    private readonly resolver: ConnectionResolver,
  ) {}

  @Get('dora/projects/:projectName')
  async projectDora(@Param('projectName') projectName: string, @Query() query: Record<string, unknown>) {
    return this.doraOf(await this.projectScope(projectName), query);
  }

  @Get('connections/:connectionId/dora')
  async connectionDora(@Param('connectionId') connectionId: string, @Query() query: Record<string, unknown>) {
    return this.doraOf(await this.connectionScope(connectionId), query);
  }

  @Get('metrics/issues/projects/:projectName')
  async projectIssues(@Param('projectName') projectName: string, @Query() query: Record<string, unknown>) {
    return this.issuesOf(await this.projectScope(projectName), query);
  }

  @Get('connections/:connectionId/metrics/issues')
  async connectionIssues(@Param('connectionId') connectionId: string, @Query() query: Record<string, unknown>) {
    return this.issuesOf(await this.connectionScope(connectionId), query);
  }

  private async doraOf(scope: MetricScope, query: Record<string, unknown>) {
    const { window, report } = parseMetricsQuery(query, (from, to) => this.dora.window(from, to), true);
    return successEnvelope(toDoraResponse(scope, report, window, await this.dora.metrics(scope, report, window)));
  }

  private async issuesOf(scope: MetricScope, query: Record<string, unknown>) {
    const { window } = parseMetricsQuery(query, (from, to) => this.issues.window(from, to), false);
    return successEnvelope(toIssueMetricsResponse(scope, window, await this.issues.metrics(scope, window)));
  }

  private async projectScope(projectName: string): Promise<MetricScope> {
    const scope = await this.scopes.forProject(projectName);
    if (!scope) throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`projectName: no project ${projectName}`] });
    return scope;
  }

  private async connectionScope(connectionId: string): Promise<MetricScope> {
    const connection = await this.resolver.resolve({ connectionId });
    return this.scopes.forConnection(connection.id);
  }
}
