import { DoraRefreshService, mergedChange } from '@app/dora';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { webhookScopeId } from '../connections/connections.repository';
import { ProjectsService } from '../projects/projects.service';
import { TransactionOptions, TransactionRunner } from '../common/database';
import { DerivedDataCatchUp } from './derived-data-catch-up';

/**
 * Runs an ingestion write and, in the same transaction, records what it changed for each project
 * its connection is mapped to (issue 10): one statement, whatever the project's history. The
 * derived rows follow right after the commit (DerivedDataCatchUp), or before the project's next
 * read, whichever comes first.
 */
export class DerivedDataWrites {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly projects: ProjectsService,
    private readonly derivedData: DoraRefreshService,
    private readonly catchUp: DerivedDataCatchUp,
  ) {}

  /** `write` on a connection's data. */
  async onConnection<T extends object>(connection: WebhookConnectionEntity, write: (manager: EntityManager) => Promise<T>, options: TransactionOptions): Promise<T> {
    let recorded = 0;
    const result = await this.transactions.run(async (manager) => {
      const written = await write(manager);
      recorded = await this.record(manager, connection, written);
      return written;
    }, options);
    if (recorded > 0) this.catchUp.schedule();
    return result;
  }

  /** `write` on the data of a project's own connection (spec api.md §12), created with its mappings when missing. */
  async onProjectConnection<T extends object>(
    projectName: string,
    write: (manager: EntityManager, connection: WebhookConnectionEntity) => Promise<T>,
    options: TransactionOptions,
  ): Promise<T> {
    let recorded = 0;
    const result = await this.projects.runWithProjectConnection(
      projectName,
      async (manager, connection) => {
        const written = await write(manager, connection);
        recorded = await this.record(manager, connection, written);
        return written;
      },
      options,
    );
    if (recorded > 0) this.catchUp.schedule();
    return result;
  }

  /** `result` is one written `data`, or one outcome per plan (an Error is a plan not written). */
  private record(manager: EntityManager, connection: WebhookConnectionEntity, result: object): Promise<number> {
    const written = (Array.isArray(result) ? result : [result]).filter((item): item is object => typeof item === 'object' && item !== null && !(item instanceof Error));
    if (written.length === 0) return Promise.resolve(0);
    return this.derivedData.recordChange(manager, [webhookScopeId(connection.id)], mergedChange(written));
  }
}
