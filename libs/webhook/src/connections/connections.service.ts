import { Inject, Injectable } from '@nestjs/common';
import { DoraRefreshService } from '@app/dora';
import { ApiKeyEntity, WebhookConnectionEntity } from '@app/domain';
import { generateApiKey, hashApiKey } from '../common/auth/api-key-crypto';
import { lockConnectionRow } from '../common/database/connection-lock';
import { LONG_TRANSACTION_DEADLINE_MS, TransactionRunner } from '../common/database/transaction-runner';
import { classifyDatabaseError, WebhookErrorCode, WebhookException } from '../common/errors';
import { ResolvedWebhookOptions } from '../webhook-options';
import { WEBHOOK_RESOLVED_OPTIONS } from '../webhook.tokens';
import { ApiKeysRepository } from './api-keys.repository';
import { ConnectionPurgeRepository, PurgeCounts } from './connection-purge.repository';
import { ConnectionsRepository, webhookScopeId } from './connections.repository';

export interface ConnectionWithKey {
  connection: WebhookConnectionEntity;
  key: ApiKeyEntity | null;
  plaintextKey?: string;
}

/** Connection lifecycle: create with its key and scope rows, read, rename, rotate, delete, purge. */
@Injectable()
export class ConnectionsService {
  constructor(
    @Inject(WEBHOOK_RESOLVED_OPTIONS) private readonly options: ResolvedWebhookOptions,
    private readonly connections: ConnectionsRepository,
    private readonly apiKeys: ApiKeysRepository,
    private readonly purges: ConnectionPurgeRepository,
    private readonly transactions: TransactionRunner,
    private readonly derivedData: DoraRefreshService,
  ) {}

  async create(name: string, actor: string): Promise<ConnectionWithKey> {
    const plaintextKey = generateApiKey();
    const now = new Date();
    try {
      return await this.transactions.run(async (manager) => {
        if (await this.connections.findByName(name, manager)) throw nameTakenOnCreate(name);
        const connection = await this.connections.insert(manager, name, now);
        const key = await this.apiKeys.insertForConnection(manager, {
          connectionId: connection.id,
          hash: hashApiKey(this.options.encryptionSecret, plaintextKey),
          actor,
          now,
        });
        await this.connections.upsertScopeAndBoard(manager, connection.id, name, now);
        return { connection, key, plaintextKey };
      });
    } catch (error) {
      if (classifyDatabaseError(error) === 'unique-violation') throw nameTakenOnCreate(name);
      throw error;
    }
  }

  async list(): Promise<ConnectionWithKey[]> {
    const connections = await this.connections.list();
    const keys = await this.apiKeys.findForConnections(connections.map((c) => c.id));
    return connections.map((connection) => ({ connection, key: keys.get(connection.id) ?? null }));
  }

  async withKey(connection: WebhookConnectionEntity): Promise<ConnectionWithKey> {
    return { connection, key: await this.apiKeys.findForConnection(connection.id) };
  }

  async rename(connection: WebhookConnectionEntity, name: string): Promise<WebhookConnectionEntity> {
    try {
      const renamed = await this.transactions.run(async (manager) => {
        const holder = await this.connections.findByName(name, manager);
        if (holder && holder.id !== connection.id) throw nameTakenOnRename(holder.id);
        return this.connections.rename(manager, connection, name, new Date());
      });
      this.connections.forgetRecent();
      return renamed;
    } catch (error) {
      if (classifyDatabaseError(error) === 'unique-violation') throw nameTakenOnRename();
      throw error;
    }
  }

  /** New plaintext key in the connection's key row, or a new row when it has none. */
  async rotateKey(connectionId: number, actor: string): Promise<{ key: ApiKeyEntity; plaintextKey: string }> {
    const plaintextKey = generateApiKey();
    const hash = hashApiKey(this.options.encryptionSecret, plaintextKey);
    const now = new Date();
    const key = await this.transactions.run(async (manager) => {
      const existing = await this.apiKeys.findForConnection(connectionId, manager);
      if (existing) return this.apiKeys.replaceHash(manager, existing, hash, actor, now);
      return this.apiKeys.insertForConnection(manager, { connectionId, hash, actor, now });
    });
    this.apiKeys.forgetRecent();
    return { key, plaintextKey };
  }

  /** `PUT /api-keys/:id`: only webhook key rows can be rotated here. */
  async rotateKeyById(apiKeyId: number, actor: string): Promise<{ key: ApiKeyEntity; plaintextKey: string }> {
    const plaintextKey = generateApiKey();
    const hash = hashApiKey(this.options.encryptionSecret, plaintextKey);
    const key = await this.transactions.run(async (manager) => {
      const existing = await this.apiKeys.findById(apiKeyId, manager);
      if (!existing || existing.type !== 'plugin:webhook') {
        throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`apiKeyId: no api key ${apiKeyId}`] });
      }
      return this.apiKeys.replaceHash(manager, existing, hash, actor, new Date());
    });
    this.apiKeys.forgetRecent();
    return { key, plaintextKey };
  }

  async delete(connectionId: number, purge: boolean): Promise<PurgeCounts | null> {
    const affectedProjects = purge ? await this.derivedData.projectsForScopes([webhookScopeId(connectionId)]) : [];
    const purged = await this.transactions.run(async (manager) => {
      // The row's exclusive lock first: writes in progress commit before the purge, later ones find no connection.
      await lockConnectionRow(manager, connectionId);
      const exists = await this.connections.findById(connectionId, manager);
      if (!exists && !purge) throw connectionNotFound(connectionId);
      await this.apiKeys.deleteForConnection(manager, connectionId);
      await this.connections.delete(manager, connectionId);
      if (!purge) return null;
      const counts = await this.purges.purge(manager, connectionId);
      // No connection and nothing it left behind: an unknown id.
      if (!exists && Object.values(counts).every((count) => count === 0)) throw connectionNotFound(connectionId);
      return counts;
    }, { deadlineMs: LONG_TRANSACTION_DEADLINE_MS });
    this.apiKeys.forgetRecent();
    this.connections.forgetRecent();
    // A purge removed rows the projects' derived links were computed from.
    await this.derivedData.refreshProjects(affectedProjects);
    return purged;
  }
}

export function connectionNotFound(connectionId: number): WebhookException {
  return new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`connectionId: no connection ${connectionId}`] });
}

function nameTakenOnCreate(name: string): WebhookException {
  return new WebhookException(WebhookErrorCode.CONNECTION_NAME_TAKEN, {
    message: `A webhook with name ${name} already exists. (400)`,
  });
}

function nameTakenOnRename(holderId?: number): WebhookException {
  return new WebhookException(WebhookErrorCode.CONNECTION_NAME_TAKEN, {
    causes: holderId === undefined ? [] : [`name: already used by connection ${holderId}`],
  });
}
