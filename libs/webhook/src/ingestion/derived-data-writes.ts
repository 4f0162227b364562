import { DoraRefreshService, LockedProjects, mergedChange } from '@app/dora';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { webhookScopeId } from '../connections/connections.repository';
import { WebhookMetrics } from '../observability/webhook-metrics';
import { ProjectsService } from '../projects/projects.service';
import { TransactionOptions, TransactionRunner } from '../common/database';

/**
 * Runs an ingestion write and the update of its projects' derived DORA rows in one transaction
 * (issue 10): the projects are locked before the write reads anything, their rows updated after
 * it, so the data and the derived tables commit or fail together.
 */
export class DerivedDataWrites {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly derivedData: DoraRefreshService,
    private readonly metrics: WebhookMetrics,
  ) {}

  /** `write` on a connection's data. */
  onConnection<T extends object>(connection: WebhookConnectionEntity, write: (manager: EntityManager) => Promise<T>, options: TransactionOptions): Promise<T> {
    return this.transactions.run(async (manager) => {
      const projects = await this.derivedData.lockProjectsOf([webhookScopeId(connection.id)], manager);
      const result = await write(manager);
      await this.update(manager, projects, result);
      return result;
    }, options);
  }

  /**
   * `write` on the data of a project's own connection (spec api.md §12), created with its mappings
   * when missing. The project, and those `known` (the connection as last seen) is mapped to, are
   * locked before the connection is looked up; any other project it turns out to be mapped to, after.
   */
  onProjectConnection<T extends object>(
    projectName: string,
    known: WebhookConnectionEntity | null | undefined,
    write: (manager: EntityManager, connection: WebhookConnectionEntity) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    const lockFirst = (manager: EntityManager) => this.derivedData.lockProjectsOf(known ? [webhookScopeId(known.id)] : [], manager, [projectName]);
    return this.projects.runWithProjectConnection(
      projectName,
      async (manager, connection) => {
        const result = await write(manager, connection);
        await this.update(manager, await this.derivedData.lockProjectsOf([webhookScopeId(connection.id)], manager, [projectName]), result);
        return result;
      },
      options,
      lockFirst,
    );
  }

  /** `result` is one written `data`, or one outcome per plan (an Error is a plan not written). */
  private async update(manager: EntityManager, projects: LockedProjects, result: object): Promise<void> {
    const written = (Array.isArray(result) ? result : [result]).filter((item): item is object => typeof item === 'object' && item !== null && !(item instanceof Error));
    if (written.length === 0 || projects.size === 0) return;
    await this.metrics.timeDerivedRefresh(() => this.derivedData.updateProjectsIn(manager, projects, mergedChange(written)));
  }
}
