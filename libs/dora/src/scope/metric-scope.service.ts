import { Injectable } from '@nestjs/common';
import { DoraRefreshService } from '../derived/dora-refresh.service';
import { connectionScope, MetricScope, projectScope } from './metric-scope';
import { ScopeRepository } from './scope.repository';

/** Turns a project name or a connection id into the ids the metric queries read by. */
@Injectable()
export class MetricScopeService {
  constructor(
    private readonly scopes: ScopeRepository,
    private readonly refresh: DoraRefreshService,
  ) {}

  /** NULL when no `projects` row has that name. Applies its pending changes and repairs a failed refresh first (§4.5). */
  async forProject(projectName: string): Promise<MetricScope | null> {
    if (!(await this.scopes.projectExists(projectName))) return null;
    await this.refresh.beforeRead(projectName);
    return projectScope(projectName, await this.scopes.projectMappings(projectName));
  }

  /** The caller has checked that the connection exists. */
  forConnection(connectionId: number): MetricScope {
    return connectionScope(connectionId);
  }
}
