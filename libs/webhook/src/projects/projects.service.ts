import { Injectable } from '@nestjs/common';
import { DoraRefreshService } from '@app/dora';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { TransactionOptions, TransactionRunner } from '../common/database';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../common/errors';
import { projectConnectionName } from '../connections/connection-params';
import { ConnectionsRepository, webhookScopeId } from '../connections/connections.repository';
import { MAPPED_TABLES, ProjectsRepository } from './projects.repository';

/** Mapping connections to projects, and the connection behind the project routes (spec api.md §7.7, §12). */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly connections: ConnectionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly derivedData: DoraRefreshService,
  ) {}

  async map(connection: WebhookConnectionEntity, projectName: string) {
    await this.transactions.run((manager) => this.mapIn(manager, connection, projectName, new Date()));
    await this.derivedData.refreshProjects([projectName]);
    const rowId = webhookScopeId(connection.id);
    return { connectionId: connection.id, projectName, mappings: MAPPED_TABLES.map((table) => [table, rowId]) };
  }

  async unmap(connection: WebhookConnectionEntity, projectName: string) {
    const removed = await this.transactions.run((manager) => this.projects.deleteMappings(manager, projectName, connection.id));
    if (removed === 0) {
      throw new WebhookException(WebhookErrorCode.NOT_FOUND, {
        causes: [`projectName: connection ${connection.id} is not mapped to ${projectName}`],
      });
    }
    await this.derivedData.refreshProjects([projectName]);
    return { connectionId: connection.id, projectName, removed };
  }

  listAll() {
    return this.projects.listProjects();
  }

  listProjects(connection: WebhookConnectionEntity): Promise<string[]> {
    return this.projects.listMappedProjects(connection.id);
  }

  /**
   * Inside the caller's transaction: the connection `<p>_deployments` (created without a key when
   * missing, with its scope and board rows), the project row and its three mappings.
   */
  async ensureProjectConnection(manager: EntityManager, projectName: string, now: Date): Promise<WebhookConnectionEntity> {
    const name = projectConnectionName(projectName);
    let connection = await this.connections.findByName(name, manager);
    if (!connection) {
      connection = await this.connections.insert(manager, name, now);
      await this.connections.upsertScopeAndBoard(manager, connection.id, name, now);
    }
    await this.mapIn(manager, connection, projectName, now);
    return connection;
  }

  /** A first call that loses the race on the unique name retries once and finds the winner's row. */
  async runWithProjectConnection<T>(
    projectName: string,
    work: (manager: EntityManager, connection: WebhookConnectionEntity) => Promise<T>,
    options?: TransactionOptions,
  ): Promise<T> {
    const attempt = () => this.transactions.run(async (manager) => work(manager, await this.ensureProjectConnection(manager, projectName, new Date())), options);
    try {
      return await attempt();
    } catch (error) {
      if (classifyDatabaseError(error) !== 'unique-violation') throw error;
      return attempt();
    }
  }

  private async mapIn(manager: EntityManager, connection: WebhookConnectionEntity, projectName: string, now: Date): Promise<void> {
    await this.projects.insertProjectIfMissing(manager, projectName, now);
    await this.projects.upsertMappings(manager, projectName, connection.id, now);
    await this.connections.ensureScopeAndBoard(manager, connection.id, connection.name ?? '', now);
  }
}
