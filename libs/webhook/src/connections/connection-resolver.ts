import { Injectable } from '@nestjs/common';
import { WebhookConnectionEntity } from '@app/domain';
import { EntityManager } from 'typeorm';
import { WebhookErrorCode, WebhookException } from '../common/errors';
import type { IngestionTarget, RequestTarget } from '../ingestion/ingestion-target';
import { parseConnectionId, parseConnectionName, projectConnectionName } from './connection-params';
import { ConnectionsRepository } from './connections.repository';
import { connectionNotFound } from './connections.service';

/** Path parameters naming a connection: by id (forms A, B) or by name (form C). */
export interface ConnectionRef {
  connectionId?: string;
  connectionName?: string;
}

/** Turns a connection reference of the path into the connection row (spec api.md §6), or 400/404. */
@Injectable()
export class ConnectionResolver {
  constructor(private readonly connections: ConnectionsRepository) {}

  /** Validates the path parameter alone (400), without touching the database. */
  parse(ref: ConnectionRef): { id: number } | { name: string } {
    if (ref.connectionId !== undefined) return { id: parseConnectionId(ref.connectionId) };
    if (ref.connectionName !== undefined) return { name: parseConnectionName(ref.connectionName) };
    throw new WebhookException(WebhookErrorCode.ROUTE_NOT_FOUND);
  }

  async resolve(ref: ConnectionRef, manager?: EntityManager): Promise<WebhookConnectionEntity> {
    return this.resolveWith(ref, (id) => this.connections.findById(id, manager), (name) => this.connections.findByName(name, manager));
  }

  /**
   * The connection an ingestion request names, for ingestion: looked up once per request, and a
   * connection found a moment ago is not read again (see RECENT_LOOKUP_TTL_MS). 404 when none.
   */
  async resolveTarget(target: RequestTarget): Promise<WebhookConnectionEntity> {
    const connection = await target.connection((parsed) => this.findRecent(parsed));
    if (connection) return connection;
    const parsed = target.parsed.target;
    if (parsed && 'connectionId' in parsed) throw connectionNotFound(parsed.connectionId);
    const name = parsed && 'connectionName' in parsed ? parsed.connectionName : '';
    throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`connectionName: no connection named ${name}`] });
  }

  /** The connection row a valid ingestion target names (a project's `<p>_deployments` connection for form D). */
  findRecent(target: IngestionTarget): Promise<WebhookConnectionEntity | null> {
    if ('connectionId' in target) return this.connections.findRecentById(target.connectionId);
    if ('connectionName' in target) return this.connections.findRecentByName(target.connectionName);
    return this.connections.findRecentByName(projectConnectionName(target.projectName));
  }

  private async resolveWith(
    ref: ConnectionRef,
    byId: (id: number) => Promise<WebhookConnectionEntity | null>,
    byName: (name: string) => Promise<WebhookConnectionEntity | null>,
  ): Promise<WebhookConnectionEntity> {
    const parsed = this.parse(ref);
    if ('id' in parsed) {
      const connection = await byId(parsed.id);
      if (!connection) throw connectionNotFound(parsed.id);
      return connection;
    }
    const connection = await byName(parsed.name);
    if (!connection) {
      throw new WebhookException(WebhookErrorCode.NOT_FOUND, { causes: [`connectionName: no connection named ${parsed.name}`] });
    }
    return connection;
  }
}
