import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyEntity } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RecentLookups } from './recent-lookups';

export const WEBHOOK_KEY_TYPE = 'plugin:webhook';

export function connectionKeyExtra(connectionId: number): string {
  return `connectionId:${connectionId}`;
}

export interface NewApiKeyRow {
  connectionId: number;
  hash: string;
  actor: string;
  now: Date;
}

/** `_devlake_api_keys`: the rows of webhook connections, and any row when authenticating. */
@Injectable()
export class ApiKeysRepository {
  private readonly recentByHash = new RecentLookups<string, ApiKeyEntity>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The key row with this hash, reused for a short time (see RECENT_LOOKUP_TTL_MS). */
  findRecentByHash(hash: string): Promise<ApiKeyEntity | null> {
    return this.recentByHash.get(hash, () => this.dataSource.getRepository(ApiKeyEntity).findOne({ where: { apiKey: hash } }));
  }

  /** After a committed change to key rows: the next request authenticates against the database. */
  forgetRecent(): void {
    this.recentByHash.forget();
  }

  findById(id: number, manager: EntityManager = this.dataSource.manager): Promise<ApiKeyEntity | null> {
    return manager.getRepository(ApiKeyEntity).findOne({ where: { id } });
  }

  /** The connection's key row: type plugin:webhook, extra connectionId:<c>, smallest id. */
  findForConnection(connectionId: number, manager: EntityManager = this.dataSource.manager): Promise<ApiKeyEntity | null> {
    return manager.getRepository(ApiKeyEntity).findOne({
      where: { type: WEBHOOK_KEY_TYPE, extra: connectionKeyExtra(connectionId) },
      order: { id: 'ASC' },
    });
  }

  async findForConnections(connectionIds: number[]): Promise<Map<number, ApiKeyEntity>> {
    if (connectionIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.type = :type', { type: WEBHOOK_KEY_TYPE })
      .andWhere('k.extra IN (:...extras)', { extras: connectionIds.map(connectionKeyExtra) })
      .orderBy('k.id', 'ASC')
      .getMany();
    const byConnection = new Map<number, ApiKeyEntity>();
    for (const row of rows) {
      const connectionId = Number(row.extra?.slice('connectionId:'.length));
      if (!byConnection.has(connectionId)) byConnection.set(connectionId, row);
    }
    return byConnection;
  }

  async insertForConnection(manager: EntityManager, row: NewApiKeyRow): Promise<ApiKeyEntity> {
    const repository = manager.getRepository(ApiKeyEntity);
    const entity = repository.create({
      createdAt: row.now,
      updatedAt: row.now,
      creator: row.actor,
      creatorEmail: '',
      updater: row.actor,
      updaterEmail: '',
      name: `webhook-${row.connectionId}`,
      apiKey: row.hash,
      expiredAt: null,
      allowedPath: `/plugins/webhook/connections/${row.connectionId}/.*`,
      type: WEBHOOK_KEY_TYPE,
      extra: connectionKeyExtra(row.connectionId),
    });
    return repository.save(entity);
  }

  async replaceHash(manager: EntityManager, key: ApiKeyEntity, hash: string, actor: string, now: Date): Promise<ApiKeyEntity> {
    await manager
      .getRepository(ApiKeyEntity)
      .update({ id: key.id }, { apiKey: hash, expiredAt: null, updatedAt: now, updater: actor });
    return { ...key, apiKey: hash, expiredAt: null, updatedAt: now, updater: actor };
  }

  async deleteForConnection(manager: EntityManager, connectionId: number): Promise<number> {
    const result = await manager
      .getRepository(ApiKeyEntity)
      .delete({ type: WEBHOOK_KEY_TYPE, extra: connectionKeyExtra(connectionId) });
    return result.affected ?? 0;
  }
}
