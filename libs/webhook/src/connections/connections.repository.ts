import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BoardEntity, CicdScopeEntity, WebhookConnectionEntity } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EMPTY_RAW_COLUMNS, RowRecorder } from '../common/database';
import { RecentLookups } from './recent-lookups';

/** Scope and board id of a connection, everywhere (spec api.md §6). */
export function webhookScopeId(connectionId: number | string): string {
  return `webhook:${connectionId}`;
}

/** `_tool_webhook_connections` and the `cicd_scopes` / `boards` rows named after each connection. */
@Injectable()
export class ConnectionsRepository {
  private readonly recent = new RecentLookups<string, WebhookConnectionEntity>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** For the ingestion path: the connection row, reused for a short time (see RECENT_LOOKUP_TTL_MS). */
  findRecentById(id: number): Promise<WebhookConnectionEntity | null> {
    return this.recent.get(`id:${id}`, () => this.findById(id));
  }

  findRecentByName(name: string): Promise<WebhookConnectionEntity | null> {
    return this.recent.get(`name:${name}`, () => this.findByName(name));
  }

  /** After a committed rename or delete: the next lookup reads the database. */
  forgetRecent(): void {
    this.recent.forget();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<WebhookConnectionEntity | null> {
    return manager.getRepository(WebhookConnectionEntity).findOne({ where: { id } });
  }

  /**
   * Exact match, as stored: the comparison is made here because a collation may ignore trailing
   * spaces (MySQL's PAD SPACE) or case, so `ci-one ` would otherwise find `ci-one`.
   */
  async findByName(name: string, manager: EntityManager = this.dataSource.manager): Promise<WebhookConnectionEntity | null> {
    const candidates = await manager.getRepository(WebhookConnectionEntity).find({ where: { name } });
    return candidates.find((connection) => connection.name === name) ?? null;
  }

  list(): Promise<WebhookConnectionEntity[]> {
    return this.dataSource.getRepository(WebhookConnectionEntity).find({ order: { id: 'ASC' } });
  }

  async insert(manager: EntityManager, name: string, now: Date): Promise<WebhookConnectionEntity> {
    const repository = manager.getRepository(WebhookConnectionEntity);
    const connection = await repository.save(repository.create({ name, createdAt: now, updatedAt: now }));
    RowRecorder.noteWritten(manager, WebhookConnectionEntity, [{ id: connection.id }]);
    return connection;
  }

  async rename(manager: EntityManager, connection: WebhookConnectionEntity, name: string, now: Date): Promise<WebhookConnectionEntity> {
    await manager.getRepository(WebhookConnectionEntity).update({ id: connection.id }, { name, updatedAt: now });
    const scopeId = webhookScopeId(connection.id);
    await manager.getRepository(CicdScopeEntity).update({ id: scopeId }, { name, updatedAt: now });
    await manager.getRepository(BoardEntity).update({ id: scopeId }, { name, updatedAt: now });
    return { ...connection, name, updatedAt: now };
  }

  async delete(manager: EntityManager, connectionId: number): Promise<void> {
    await manager.getRepository(WebhookConnectionEntity).delete({ id: connectionId });
  }

  /**
   * Upserts the connection's `cicd_scopes` and `boards` rows (created_at kept on conflict), so data
   * pushed to it is joinable at once.
   */
  async upsertScopeAndBoard(manager: EntityManager, connectionId: number, name: string, now: Date): Promise<void> {
    await this.writeScopeAndBoard(manager, connectionId, name, now, 'upsert');
  }

  /** Inserts the rows only when missing (a board row of a DevLake-created connection, say). */
  async ensureScopeAndBoard(manager: EntityManager, connectionId: number, name: string, now: Date): Promise<void> {
    await this.writeScopeAndBoard(manager, connectionId, name, now, 'insert-missing');
  }

  private async writeScopeAndBoard(
    manager: EntityManager,
    connectionId: number,
    name: string,
    now: Date,
    mode: 'upsert' | 'insert-missing',
  ): Promise<void> {
    const common = { id: webhookScopeId(connectionId), createdAt: now, updatedAt: now, ...EMPTY_RAW_COLUMNS, name, description: '', url: '', createdDate: null };
    const rows: [typeof CicdScopeEntity | typeof BoardEntity, object][] = [
      [CicdScopeEntity, { ...common, updatedDate: null }],
      [BoardEntity, { ...common, type: '' }],
    ];
    for (const [entity, values] of rows) {
      const insert = manager.createQueryBuilder().insert().into(entity).values(values);
      if (mode === 'upsert') {
        await insert.orUpdate(['updated_at', 'name'], ['id']).execute();
        RowRecorder.noteWritten(manager, entity, [{ id: common.id }]);
      } else {
        await RowRecorder.noteIfMissing(manager, entity, { id: common.id });
        await insert.orIgnore().execute();
      }
    }
  }
}
